import { describe, expect, it } from 'vitest';
import type { Delivery } from '../ports/delivery-channel';
import type { PendingDelivery } from '../ports/delivery-attempt-store';
import { InMemoryDeliveryAttemptStore } from './in-memory-delivery-attempt-store';

const start = Date.UTC(2026, 10, 25, 2, 0, 0);

function pending(n: number, dueIn: number): PendingDelivery {
  const delivery: Delivery = {
    offerId: `offer-${n}`,
    customerId: `cust-${n}`,
    caseId: 'case-a',
    touchpointId: 'webhook',
    deliveryMethod: 'push',
    content: { 'zh-CN': '优惠', en: 'Offer' },
    idempotencyKey: `offer-${n}:webhook`,
  };
  return {
    id: delivery.idempotencyKey,
    delivery,
    attempt: 2,
    nextAttemptAt: start + dueIn,
    firstAttemptAt: start,
  };
}

describe(InMemoryDeliveryAttemptStore.name, () => {
  it('returns only due deliveries, earliest first, at most the limit', () => {
    const store = new InMemoryDeliveryAttemptStore();
    [pending(1, 300), pending(2, 100), pending(3, 200), pending(4, 9_000)].forEach((p) =>
      store.savePending(p),
    );
    expect(store.takeDue(start + 300, 2).map((p) => p.id)).toEqual([
      'offer-2:webhook',
      'offer-3:webhook',
    ]);
    expect(store.takeDue(start + 300, 10).map((p) => p.id)).toEqual(['offer-1:webhook']);
  });

  it('hides a taken delivery until its lease ends, so a crash mid-attempt retries it', () => {
    const store = new InMemoryDeliveryAttemptStore(1_000);
    store.savePending(pending(1, 0));
    expect(store.takeDue(start, 10)).toHaveLength(1);
    expect(store.takeDue(start + 999, 10)).toHaveLength(0);
    expect(store.takeDue(start + 1_000, 10)).toHaveLength(1);
  });

  it('reschedules on savePending and forgets on clearPending', () => {
    const store = new InMemoryDeliveryAttemptStore();
    store.savePending(pending(1, 0));
    store.takeDue(start, 10);
    store.savePending({ ...pending(1, 0), attempt: 3, nextAttemptAt: start + 5 });
    expect(store.takeDue(start + 5, 10)).toMatchObject([{ attempt: 3 }]);
    store.clearPending('offer-1:webhook');
    expect(store.pendingCount()).toBe(0);
  });

  it('moves a dead letter out of the pending list and hands it back once', () => {
    const store = new InMemoryDeliveryAttemptStore();
    const p1 = pending(1, 0);
    const p2 = pending(2, 0);
    store.savePending(p1);
    store.deadLetter({
      id: p1.id,
      delivery: p1.delivery,
      reason: 'rejected',
      detail: 'http-410',
      attempts: 1,
      deadAt: start,
    });
    store.deadLetter({
      id: p2.id,
      delivery: p2.delivery,
      reason: 'attempts-exhausted',
      detail: 'timeout',
      attempts: 8,
      deadAt: start + 1,
    });
    expect(store.pendingCount()).toBe(0);
    expect(store.listDeadLetters().map((l) => l.id)).toEqual([p2.id, p1.id]);
    expect(store.listDeadLetters(1).map((l) => l.id)).toEqual([p2.id]);
    expect(store.takeDeadLetter(p1.id)).toMatchObject({ reason: 'rejected', detail: 'http-410' });
    expect(store.takeDeadLetter(p1.id)).toBeUndefined();
  });

  it('keeps every attempt of a delivery in order', () => {
    const store = new InMemoryDeliveryAttemptStore();
    const base = { deliveryId: 'd', touchpointId: 'webhook', durationMs: 3 } as const;
    store.recordAttempt({
      ...base,
      attempt: 1,
      at: start,
      outcome: 'rejected',
      retryable: true,
      reason: 'timeout',
    });
    store.recordAttempt({ ...base, attempt: 2, at: start + 9, outcome: 'delivered' });
    expect(store.listAttempts('d').map((a) => a.outcome)).toEqual(['rejected', 'delivered']);
    expect(store.listAttempts('other')).toEqual([]);
  });
});
