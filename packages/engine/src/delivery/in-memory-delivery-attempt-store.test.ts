import { contractDeliveryLeaseMs, describeDeliveryAttemptStoreContract } from '@omnitouch/testkit';
import { InMemoryDeliveryAttemptStore } from './in-memory-delivery-attempt-store';

describeDeliveryAttemptStoreContract(
  InMemoryDeliveryAttemptStore.name,
  () => new InMemoryDeliveryAttemptStore(contractDeliveryLeaseMs),
  // Same process, same memory: proves the durability tests themselves, not the adapter.
  { reopen: (store) => store },
);
