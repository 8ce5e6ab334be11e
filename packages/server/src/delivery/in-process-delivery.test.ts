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

/** A `deliver` action to the unbound `sms` touchpoint, whose default channel is the log. */
function logAction(offerId: string): DecisionAction {
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
      touchpointIds: ['sms'],
      score: 1,
      content,
      state: 'presented',
    },
    touchpointId: 'sms',
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
});
