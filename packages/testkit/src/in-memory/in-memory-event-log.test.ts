import { describeEventLogContract } from '../contracts/event-log.contract';
import { InMemoryEventLog } from './in-memory-event-log';

describeEventLogContract('InMemoryEventLog', () => new InMemoryEventLog(), {
  // Same process, same memory: proves the durability tests themselves, not the adapter.
  reopen: (store) => store,
});
