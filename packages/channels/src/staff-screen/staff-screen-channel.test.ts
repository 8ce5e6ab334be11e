import type { Delivery } from '@omnitouch/engine';
import { describe, expect, it } from 'vitest';
import { StaffScreenChannel } from './staff-screen-channel';
import { StaffScreenHub, type StaffScreenMessage } from './staff-screen-hub';

const now = Date.UTC(2026, 10, 25, 2, 0, 0);
const clock = { now: () => now };
const delivery: Delivery = {
  offerId: 'offer-7',
  customerId: 'cust-77',
  caseId: 'case-family-plan',
  touchpointId: 'store-01',
  deliveryMethod: 'clerk-screen',
  content: { 'zh-CN': '推荐家庭套餐', en: 'Suggest the family plan' },
  idempotencyKey: 'offer-7:store-01',
};

describe(StaffScreenChannel.name, () => {
  it('pushes the offer to the screen of the clerk serving the customer', async () => {
    const hub = new StaffScreenHub();
    const alice: StaffScreenMessage[] = [];
    const bob: StaffScreenMessage[] = [];
    hub.subscribe({ touchpointId: 'store-01', staffId: 'alice' }, (m) => alice.push(m));
    hub.subscribe({ touchpointId: 'store-01', staffId: 'bob' }, (m) => bob.push(m));
    const channel = new StaffScreenChannel({
      hub,
      clock,
      staffFor: (d) => (d.customerId === 'cust-77' ? 'alice' : undefined),
    });
    expect(await channel.deliver(delivery)).toEqual({ kind: 'delivered', at: now });
    expect(alice).toEqual([{ ...delivery, staffId: 'alice', sentAt: '2026-11-25T02:00:00.000Z' }]);
    expect(bob).toEqual([]);
  });

  it('rejects, retryably, when no screen is connected', async () => {
    const channel = new StaffScreenChannel({ hub: new StaffScreenHub(), clock });
    expect(await channel.deliver(delivery)).toEqual({
      kind: 'rejected',
      retryable: true,
      reason: 'no-screen-connected',
    });
  });

  it('rejects when only another clerk is connected and the offer is for a clerk who is not', async () => {
    const hub = new StaffScreenHub();
    hub.subscribe({ touchpointId: 'store-01', staffId: 'bob' }, () => {});
    const channel = new StaffScreenChannel({ hub, clock, staffFor: () => 'alice' });
    expect(await channel.deliver(delivery)).toMatchObject({
      kind: 'rejected',
      reason: 'no-screen-connected',
    });
  });
});
