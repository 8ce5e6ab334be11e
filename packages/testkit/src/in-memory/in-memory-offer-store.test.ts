import { describeOfferStoreContract } from '../contracts/offer-store.contract';
import { InMemoryOfferStore } from './in-memory-offer-store';

describeOfferStoreContract('InMemoryOfferStore', () => new InMemoryOfferStore(), {
  // Same process, same memory: proves the durability tests themselves, not the adapter.
  reopen: (store) => store,
});
