import type { CustomerProfile } from '@omnitouch/core';
import type { ProfileStore } from '@omnitouch/engine';

/**
 * A `ProfileStore` over one `Map`. It keeps the very object it was given (no copy, nothing else per
 * entry) because the benchmark holds a million profiles in it.
 */
export class InMemoryProfileStore implements ProfileStore {
  private readonly profiles = new Map<string, CustomerProfile>();

  get(customerId: string): CustomerProfile | undefined {
    return this.profiles.get(customerId);
  }

  put(profile: CustomerProfile): void {
    this.profiles.set(profile.customerId, profile);
  }

  count(): number {
    return this.profiles.size;
  }
}
