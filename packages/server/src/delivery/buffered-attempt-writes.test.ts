import { InMemoryDeliveryAttemptStore, type DeliveryAttempt } from '@omnitouch/engine';
import { describe, expect, it } from 'vitest';
import { bufferAttemptWrites } from './buffered-attempt-writes';

const now = Date.UTC(2026, 10, 25, 2, 0, 0);
const attempt = (deliveryId: string, n: number): DeliveryAttempt => ({
  deliveryId,
  touchpointId: 'store-screen',
  attempt: n,
  at: now,
  durationMs: 0,
  outcome: 'delivered',
});

/** Records which batches `recordAttempts` was called with. */
class BatchingStore extends InMemoryDeliveryAttemptStore {
  readonly batches: number[] = [];
  recordAttempts(list: readonly DeliveryAttempt[]): void {
    this.batches.push(list.length);
    list.forEach((item) => this.recordAttempt(item));
  }
}

describe(bufferAttemptWrites.name, () => {
  it('writes a round of attempts as one batch, in order, in one transaction at commit', () => {
    const store = new BatchingStore();
    let transactions = 0;
    const writes = bufferAttemptWrites(store, (work) => {
      transactions += 1;
      work();
    });
    writes.store.recordAttempt(attempt('o-1', 1));
    writes.store.recordAttempt(attempt('o-1', 2));
    writes.store.recordAttempt(attempt('o-2', 1));
    expect(store.listAttempts('o-1')).toEqual([]);
    writes.commit();
    writes.commit(); // nothing queued: no transaction
    expect([transactions, store.batches]).toEqual([1, [3]]);
    expect(store.listAttempts('o-1').map((a) => a.attempt)).toEqual([1, 2]);
  });

  it('commits what it queued before a read, so the read sees it', () => {
    const store = new InMemoryDeliveryAttemptStore();
    const writes = bufferAttemptWrites(store, (work) => work());
    writes.store.recordAttempt(attempt('o-1', 1));
    expect(writes.store.listAttempts('o-1')).toHaveLength(1);
  });
});
