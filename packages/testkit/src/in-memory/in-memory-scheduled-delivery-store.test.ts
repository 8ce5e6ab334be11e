import type { ScheduledDelivery } from '@omnitouch/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeScheduledDeliveryStoreContract } from '../contracts/scheduled-delivery-store.contract';
import { InMemoryScheduledDeliveryStore } from './in-memory-scheduled-delivery-store';

describeScheduledDeliveryStoreContract(
  'InMemoryScheduledDeliveryStore',
  () => new InMemoryScheduledDeliveryStore(),
  {
    // Same process, same memory: proves the durability tests themselves, not the adapter.
    reopen: (store) => store,
  },
);

describe(InMemoryScheduledDeliveryStore.name, () => {
  it('hands out any schedule in (deliverAt, scheduling order) order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }), (times) => {
        const store = new InMemoryScheduledDeliveryStore();
        times.forEach((deliverAt, i) => store.schedule(buildDelivery(`o${i}`, deliverAt)));
        const taken = store.takeDue(20, times.length).map((d) => d.offerId);
        const expected = times
          .map((deliverAt, i) => ({ deliverAt, i }))
          .sort((a, b) => a.deliverAt - b.deliverAt || a.i - b.i)
          .map(({ i }) => `o${i}`);
        expect(taken).toEqual(expected);
      }),
    );
  });
});

function buildDelivery(offerId: string, deliverAt: number): ScheduledDelivery {
  const content = { 'zh-CN': '好', en: 'ok' };
  return {
    offerId,
    customerId: 'c',
    caseId: 'k',
    touchpointId: 'sms',
    deliveryMethod: 'sms',
    content,
    deliverAt,
    expiresAt: deliverAt + 1,
  };
}
