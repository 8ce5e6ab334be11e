import { describeOutcomeStoreContract } from '../contracts/outcome-store.contract';
import { InMemoryOutcomeStore } from './in-memory-outcome-store';

describeOutcomeStoreContract('InMemoryOutcomeStore', () => new InMemoryOutcomeStore(), {
  // Same process, same memory: proves the durability tests themselves, not the adapter.
  reopen: (store) => store,
});
