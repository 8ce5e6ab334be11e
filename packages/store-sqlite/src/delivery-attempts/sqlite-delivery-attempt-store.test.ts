import {
  createDeliveryDispatcher,
  type Delivery,
  type DeliveryAttemptStore,
  type DeliveryChannel,
  type DeliveryResult,
} from '@omnitouch/engine';
import { contractDeliveryLeaseMs, describeDeliveryAttemptStoreContract } from '@omnitouch/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempDatabase, sqliteContractHooks, type TempDatabase } from '../../test/temp-database';
import type { SqliteDatabase } from '../sqlite-database';
import { SqliteDeliveryAttemptStore } from './sqlite-delivery-attempt-store';

const hooks = sqliteContractHooks(
  (db): DeliveryAttemptStore => new SqliteDeliveryAttemptStore(db, contractDeliveryLeaseMs),
);

describeDeliveryAttemptStoreContract(SqliteDeliveryAttemptStore.name, hooks.create, hooks.options);

const start = Date.UTC(2026, 10, 25, 2, 0, 0);

const delivery: Delivery = {
  offerId: 'offer-1',
  customerId: 'cust-1',
  caseId: 'case-a',
  touchpointId: 'webhook',
  deliveryMethod: 'push',
  content: { 'zh-CN': '优惠', en: 'Offer' },
  idempotencyKey: 'offer-1:webhook',
};

describe(SqliteDeliveryAttemptStore.name, () => {
  let temp: TempDatabase;
  afterEach(() => temp.remove());

  it('lets a dispatcher pick up a scheduled retry after a restart and deliver it', async () => {
    temp = openTempDatabase();
    const script: DeliveryResult[] = [
      { kind: 'rejected', retryable: true, reason: 'http-503' },
      { kind: 'delivered', at: start + 500 },
    ];
    const channel: DeliveryChannel = {
      id: 'scripted',
      deliver: () =>
        Promise.resolve(
          script.shift() ?? { kind: 'rejected', retryable: false, reason: 'unscripted' },
        ),
    };
    const dispatcherOn = (db: SqliteDatabase, now: number) =>
      createDeliveryDispatcher({
        channels: new Map([['webhook', channel]]),
        attempts: new SqliteDeliveryAttemptStore(db),
        clock: { now: () => now },
        random: () => 0.5,
      });
    expect(await dispatcherOn(temp.db, start).dispatch(delivery)).toMatchObject({
      kind: 'retry-scheduled',
      retryAt: start + 500,
    });
    const restarted = dispatcherOn(temp.reopen(), start + 500);
    expect(await restarted.runDueRetries(start + 500)).toMatchObject([
      { kind: 'delivered', attempt: 2 },
    ]);
    const store = new SqliteDeliveryAttemptStore(temp.db);
    expect(store.pendingCount()).toBe(0);
    expect(store.listAttempts('offer-1:webhook').map((a) => a.outcome)).toEqual([
      'rejected',
      'delivered',
    ]);
  });

  it('records many attempts in order with recordAttempts, across its multi-row statements', () => {
    temp = openTempDatabase();
    const store = new SqliteDeliveryAttemptStore(temp.db);
    const attempts = Array.from({ length: 150 }, (_, index) => ({
      deliveryId: `offer-${index % 3}:webhook`,
      touchpointId: 'webhook',
      attempt: Math.floor(index / 3) + 1,
      at: start + index,
      durationMs: 2,
      outcome: index % 2 === 0 ? ('delivered' as const) : ('rejected' as const),
      ...(index % 2 === 0 ? {} : { retryable: true, reason: 'http-503' }),
    }));
    store.recordAttempts(attempts);
    expect(store.listAttempts('offer-1:webhook')).toEqual(
      attempts.filter((attempt) => attempt.deliveryId === 'offer-1:webhook'),
    );
  });
});
