import { describe, expect, it } from 'vitest';
import { StaffScreenHub, type StaffScreenMessage } from './staff-screen-hub';

function message(touchpointId: string, staffId?: string): StaffScreenMessage {
  return {
    offerId: 'offer-1',
    customerId: 'cust-1',
    caseId: 'case-a',
    touchpointId,
    deliveryMethod: 'screen',
    content: { 'zh-CN': '推荐宽带', en: 'Suggest broadband' },
    idempotencyKey: `offer-1:${touchpointId}`,
    sentAt: '2026-11-25T02:00:00.000Z',
    ...(staffId === undefined ? {} : { staffId }),
  };
}

/** A hub with a store board and two clerks' screens at store-01, and one screen at store-02. */
function storeScreens() {
  const hub = new StaffScreenHub();
  const inbox = {
    board: [] as string[],
    alice: [] as string[],
    bob: [] as string[],
    other: [] as string[],
  };
  const record = (name: keyof typeof inbox) => (m: StaffScreenMessage) =>
    inbox[name].push(m.staffId ?? '*');
  const off = {
    board: hub.subscribe({ touchpointId: 'store-01' }, record('board')),
    alice: hub.subscribe({ touchpointId: 'store-01', staffId: 'alice' }, record('alice')),
    bob: hub.subscribe({ touchpointId: 'store-01', staffId: 'bob' }, record('bob')),
    other: hub.subscribe({ touchpointId: 'store-02' }, record('other')),
  };
  return { hub, inbox, off };
}

describe(StaffScreenHub.name, () => {
  it('sends an offer for one clerk to that clerk and the touchpoint board only', () => {
    const { hub, inbox } = storeScreens();
    expect(hub.publish(message('store-01', 'alice'))).toBe(2);
    expect(inbox).toEqual({ board: ['alice'], alice: ['alice'], bob: [], other: [] });
  });

  it('sends an offer for nobody in particular to every screen of the touchpoint', () => {
    const { hub, inbox } = storeScreens();
    expect(hub.publish(message('store-01'))).toBe(3);
    expect(inbox).toEqual({ board: ['*'], alice: ['*'], bob: ['*'], other: [] });
  });

  it('stops sending to a screen once it unsubscribes, and tolerates a second unsubscribe', () => {
    const { hub, inbox, off } = storeScreens();
    off.alice();
    off.alice();
    expect(hub.publish(message('store-01', 'alice'))).toBe(1);
    expect(inbox.alice).toEqual([]);
    expect(hub.screenCount({ touchpointId: 'store-01' })).toBe(2);
    expect(hub.screenCount({ touchpointId: 'store-01', staffId: 'alice' })).toBe(0);
  });

  it('reaches nobody once every screen of a touchpoint has gone', () => {
    const { hub, off } = storeScreens();
    off.board();
    off.alice();
    off.bob();
    expect(hub.publish(message('store-01'))).toBe(0);
    expect(hub.screenCount({ touchpointId: 'store-01' })).toBe(0);
    expect(hub.publish(message('store-02'))).toBe(1);
  });

  it('counts the same listener subscribed twice as two screens', () => {
    const hub = new StaffScreenHub();
    const seen: string[] = [];
    const listener = (m: StaffScreenMessage) => seen.push(m.offerId);
    const offFirst = hub.subscribe({ touchpointId: 'app' }, listener);
    hub.subscribe({ touchpointId: 'app' }, listener);
    offFirst();
    expect(hub.publish(message('app'))).toBe(1);
    expect(seen).toEqual(['offer-1']);
  });

  it('keeps serving the other screens when one listener throws, and reports it', () => {
    const errors: string[] = [];
    const hub = new StaffScreenHub((error, address) =>
      errors.push(`${address.staffId}: ${String(error)}`),
    );
    const seen: string[] = [];
    hub.subscribe({ touchpointId: 'call-centre', staffId: 'agent-7' }, () => {
      throw new Error('stream closed');
    });
    hub.subscribe({ touchpointId: 'call-centre', staffId: 'agent-8' }, (m) => seen.push(m.offerId));
    expect(hub.publish(message('call-centre'))).toBe(1);
    expect(seen).toEqual(['offer-1']);
    expect(errors).toEqual(['agent-7: Error: stream closed']);
  });
});
