import { describe, expect, it } from 'vitest';
import { buildCustomerProfile } from '../factories/customer-profile.factory';
import { describeProfileStoreContract } from '../contracts/profile-store.contract';
import { InMemoryProfileStore } from './in-memory-profile-store';

describeProfileStoreContract('InMemoryProfileStore', () => new InMemoryProfileStore(), {
  // Same process, same memory: proves the durability tests themselves, not the adapter.
  reopen: (store) => store,
});

describe(InMemoryProfileStore.name, () => {
  it('keeps the very profile it was given, without a copy', () => {
    const store = new InMemoryProfileStore();
    const profile = buildCustomerProfile();
    store.put(profile);
    expect(store.get(profile.customerId)).toBe(profile);
  });
});
