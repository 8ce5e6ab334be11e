import type { CustomerProfile } from '@omnitouch/core';

/**
 * Customer profiles by id. Synchronous because it sits on the decision hot path: adapters over a
 * remote database keep a write-behind cache in front of it. `put` of a profile returned by `get`
 * after mutating it in place is allowed and must persist every change.
 */
export interface ProfileStore {
  get(customerId: string): CustomerProfile | undefined;
  put(profile: CustomerProfile): void;
  /** Number of profiles stored. */
  count(): number;
}
