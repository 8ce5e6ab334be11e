import { CustomerDirectory, type CustomerProfile } from '@omnitouch/core';
import type { ProfileStore } from '@omnitouch/engine';

/**
 * A `ProfileStore` over a `CustomerDirectory` and one array of profiles by customer index. It keeps
 * the very object it was given (no copy, nothing else per entry) because the benchmark holds a
 * million profiles in it; the directory finds a phone-number id with one probe of a typed array
 * instead of a `Map`'s bucket and key string (decision 0008).
 */
export class InMemoryProfileStore implements ProfileStore {
  private readonly directory = new CustomerDirectory();
  private readonly profiles: CustomerProfile[] = [];
  /** The profile last read or written: the array holds it under its index (nothing else writes). */
  private last: CustomerProfile | undefined = undefined;

  get(customerId: string): CustomerProfile | undefined {
    const index = this.directory.indexOf(customerId);
    if (index < 0) {
      return undefined;
    }
    const profile = this.profiles[index];
    this.last = profile;
    return profile;
  }

  /** Putting back the profile just read (the pipeline's get → change → put) is already stored. */
  put(profile: CustomerProfile): void {
    if (profile === this.last) {
      return;
    }
    const index = this.directory.add(profile.customerId);
    if (index === this.profiles.length) {
      this.profiles.push(profile);
    } else {
      this.profiles[index] = profile;
    }
    this.last = profile;
  }

  count(): number {
    return this.profiles.length;
  }
}
