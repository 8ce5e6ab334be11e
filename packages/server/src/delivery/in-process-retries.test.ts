import {
  InMemoryDeliveryAttemptStore,
  type Delivery,
  type PendingDelivery,
} from '@omnitouch/engine';
import { describe, expect, it } from 'vitest';
import { keepInProcessRetriesInMemory } from './in-process-retries';

const now = Date.UTC(2026, 10, 25, 2, 0, 0);

function pending(touchpointId: string, offerId: string, nextAttemptAt: number): PendingDelivery {
  const delivery: Delivery = {
    offerId,
    customerId: 'c-1',
    caseId: 'case-a',
    touchpointId,
    deliveryMethod: 'app',
    content: { 'zh-CN': '优惠', en: 'Offer' },
    idempotencyKey: `${offerId}:${touchpointId}`,
  };
  return { id: delivery.idempotencyKey, delivery, attempt: 2, nextAttemptAt, firstAttemptAt: now };
}

function setUp() {
  const store = new InMemoryDeliveryAttemptStore();
  const retries = keepInProcessRetriesInMemory(store, (id) => id === 'store-screen');
  return { store, retries };
}

describe(keepInProcessRetriesInMemory.name, () => {
  it('keeps an in-process retry out of the store and a remote one in it', () => {
    const { store, retries } = setUp();
    retries.savePending(pending('store-screen', 'o-1', now + 1000));
    retries.savePending(pending('sms', 'o-2', now + 1000));
    expect(store.pendingCount()).toBe(1);
    expect(retries.pendingCount()).toBe(2);
  });

  it('hands out due in-memory retries earliest first, each once, and the store its own', () => {
    const { retries } = setUp();
    retries.savePending(pending('store-screen', 'o-late', now + 2000));
    retries.savePending(pending('store-screen', 'o-early', now + 1000));
    retries.savePending(pending('sms', 'o-remote', now));
    retries.savePending(pending('store-screen', 'o-future', now + 9000));
    expect(retries.takeDueInMemory(now + 2000, 10).map((p) => p.delivery.offerId)).toEqual([
      'o-early',
      'o-late',
    ]);
    expect(retries.takeDueInMemory(now + 2000, 10)).toEqual([]);
    expect(retries.takeDue(now + 2000, 10).map((p) => p.delivery.offerId)).toEqual(['o-remote']);
    expect(retries.takeDueInMemory(now + 9000, 1).map((p) => p.delivery.offerId)).toEqual([
      'o-future',
    ]);
  });

  it('forgets a taken retry that was delivered without touching the store, and buries the rest there', () => {
    const { store, retries } = setUp();
    const cleared: string[] = [];
    store.clearPending = (id) => void cleared.push(id);
    retries.savePending(pending('store-screen', 'o-1', now));
    retries.savePending(pending('store-screen', 'o-2', now));
    const [first, second] = retries.takeDueInMemory(now, 10);
    retries.clearPending(first?.id ?? '');
    expect(cleared).toEqual([]);
    retries.deadLetter({
      id: second?.id ?? '',
      delivery: pending('store-screen', 'o-2', now).delivery,
      reason: 'attempts-exhausted',
      detail: 'no-screen-connected',
      attempts: 4,
      deadAt: now,
    });
    expect(retries.listDeadLetters().map((letter) => letter.id)).toEqual(['o-2:store-screen']);
    expect(retries.pendingCount()).toBe(0);
  });
});
