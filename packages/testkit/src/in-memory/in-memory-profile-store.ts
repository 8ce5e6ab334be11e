import type { CustomerProfile } from '@omnitouch/core';
import type { ProfileStore } from '@omnitouch/engine';

/**
 * A `ProfileStore` over one `Map`. It keeps the very object it was given (no copy, nothing else per
 * entry) because the benchmark holds a million profiles in it.
 */
export class InMemoryProfileStore implements ProfileStore {
  private readonly profiles = new Map<string, CustomerProfile>();
  /** The profile last read or written: the Map holds it under its id (nothing else writes). */
  private last: CustomerProfile | undefined = undefined;

  get(customerId: string): CustomerProfile | undefined {
    const profile = this.profiles.get(customerId);
    if (profile !== undefined) {
      this.last = profile;
    }
    return profile;
  }

  /** Putting back the profile just read (the pipeline's get → change → put) is already stored. */
  put(profile: CustomerProfile): void {
    if (profile === this.last) {
      return;
    }
    this.profiles.set(profile.customerId, profile);
    this.last = profile;
  }

  count(): number {
    return this.profiles.size;
  }
}
