import type { CustomerProfile } from '@omnitouch/core';
import type { ProfileStore } from '@omnitouch/engine';

/**
 * The in-memory profile store before decision 0008's customer directory: one `Map` by customer id.
 * Kept as an A/B variant so the directory's gain can be measured again on any machine.
 */
export class MapProfileStore implements ProfileStore {
  private readonly profiles = new Map<string, CustomerProfile>();
  private last: CustomerProfile | undefined = undefined;

  get(customerId: string): CustomerProfile | undefined {
    const profile = this.profiles.get(customerId);
    if (profile !== undefined) {
      this.last = profile;
    }
    return profile;
  }

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
