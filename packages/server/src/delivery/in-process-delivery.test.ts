import type { DecisionAction } from '@omnitouch/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTopUpEvent } from '../testing/front-line-events';
import { createDeliveryService } from './create-delivery-service';
import { createFrontLineTestApp, type FrontLineTestApp } from './front-line-test-app';

let t: FrontLineTestApp;
beforeEach(async () => {
  t = await createFrontLineTestApp();
  t.addQualifiedCustomer('c-1');
});
afterEach(() => t.close());

const count = (sql: string): number => t.db.prepare(sql).pluck().get() as number;

/** A `deliver` action to an unbound touchpoint: `sms` goes to the log, `store` to staff screens. */
function logAction(offerId: string, touchpointId = 'sms'): DecisionAction {
  const content = { 'zh-CN': '优惠', en: 'Offer' };
  return {
    kind: 'deliver',
    offer: {
      offerId,
      customerId: 'c-1',
      caseId: 'case-a',
      caseVersion: 1,
      eventId: 'e-1',
      createdAt: t.now(),
      expiresAt: t.now() + 60_000,
      touchpointIds: [touchpointId],
      score: 1,
      content,
      state: 'presented',
    },
    touchpointId,
    deliveryMethod: 'sms',
    content,
    at: t.now(),
  };
}

describe(createDeliveryService.name, () => {
  it('sends an in-process delivery after its commit with no pending row, its attempt row riding on the next transaction', async () => {
    await t.runtime.ingest([buildTopUpEvent('c-1', t.now())]);
    expect(t.logLines.some((line) => line.includes('key=offer-1:sms'))).toBe(true);
    expect(count('SELECT count(*) FROM delivery_pending')).toBe(0);
    const delivered = "SELECT count(*) FROM delivery_attempts WHERE outcome = 'delivered'";
    expect(count(delivered)).toBe(0);
    await t.runtime.ingest([buildTopUpEvent('c-2', t.now(), 'e-2')]);
    expect(count(delivered)).toBe(1);
  });

  it('writes the attempt rows of a rolled-back transaction again with the next one', async () => {
    t.delivery.enqueue([logAction('o-1')]);
    t.delivery.settleEnqueued?.(true);
    await t.delivery.flush();
    const rolledBack = t.db.transaction(() => {
      t.delivery.writeRecords?.();
      throw new Error('a pipeline bug');
    });
    expect(() => rolledBack()).toThrow('a pipeline bug');
    t.delivery.settleEnqueued?.(false);
    t.db.transaction(() => t.delivery.writeRecords?.())();
    t.delivery.settleEnqueued?.(true);
    expect(count("SELECT count(*) FROM delivery_attempts WHERE delivery_id = 'o-1:sms'")).toBe(1);
  });

  it('writes records no transaction took on the next loop tick', async () => {
    t.delivery.enqueue([logAction('o-2')]);
    t.delivery.settleEnqueued?.(true);
    await t.delivery.flush();
    await t.delivery.runDue(t.now());
    expect(count("SELECT count(*) FROM delivery_attempts WHERE delivery_id = 'o-2:sms'")).toBe(1);
  });

  it('drops the in-process deliveries of a rolled-back transaction and sends a committed one', async () => {
    t.delivery.enqueue([logAction('o-rolled-back')]);
    t.delivery.settleEnqueued?.(false);
    t.delivery.enqueue([logAction('o-committed')]);
    t.delivery.settleEnqueued?.(true);
    await t.delivery.flush();
    expect(t.logLines.some((line) => line.includes('key=o-rolled-back:sms'))).toBe(false);
    expect(t.logLines.some((line) => line.includes('key=o-committed:sms'))).toBe(true);
  });

  it('holds a staged delivery until its transaction is known to have committed', async () => {
    t.delivery.enqueue([logAction('o-staged')]);
    await t.delivery.flush();
    expect(t.logLines.some((line) => line.includes('key=o-staged:sms'))).toBe(false);
    t.delivery.settleEnqueued?.(true);
    await t.delivery.flush();
    expect(t.logLines.some((line) => line.includes('key=o-staged:sms'))).toBe(true);
  });

  it('retries a staff-screen delivery from memory until a screen takes it, recording each attempt', async () => {
    t.delivery.enqueue([logAction('o-3', 'store')]);
    t.delivery.settleEnqueued?.(true);
    await t.delivery.flush(); // no screen yet: refused, retried in 1 s
    expect(count('SELECT count(*) FROM delivery_pending')).toBe(0);
    const received: string[] = [];
    t.delivery.hub.subscribe({ touchpointId: 'store' }, (message) =>
      received.push(message.idempotencyKey),
    );
    t.advance(1000);
    expect(await t.delivery.runDue(t.now())).toBe(1);
    expect(received).toEqual(['o-3:store']);
    const outcomes = t.db
      .prepare("SELECT outcome FROM delivery_attempts WHERE delivery_id = 'o-3:store' ORDER BY seq")
      .pluck()
      .all();
    expect(outcomes).toEqual(['rejected', 'delivered']);
  });
});
