import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createDeliveryDispatcher,
  type Delivery,
  type DeliveryChannel,
  type DeliveryResult,
  type PendingDelivery,
} from '@omnitouch/engine';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../sqlite-database';
import { SqliteDeliveryAttemptStore } from './sqlite-delivery-attempt-store';

const start = Date.UTC(2026, 10, 25, 2, 0, 0);
const dirs: string[] = [];
const open: Database.Database[] = [];

afterEach(() => {
  open.splice(0).forEach((db) => db.open && db.close());
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

/** A database file in a temp dir; `reopen` closes it and opens it again, like a restart. */
function tempDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'omnitouch-delivery-'));
  dirs.push(dir);
  const path = join(dir, 'omnitouch.db');
  const openOne = () => {
    const db = openSqliteDatabase(path);
    open.push(db);
    return db;
  };
  let db = openOne();
  return {
    db: () => db,
    reopen: () => {
      db.close();
      db = openOne();
      return db;
    },
  };
}

function delivery(n: number): Delivery {
  return {
    offerId: `offer-${n}`,
    customerId: `cust-${n}`,
    caseId: 'case-a',
    touchpointId: 'webhook',
    deliveryMethod: 'push',
    content: { 'zh-CN': '优惠', en: 'Offer' },
    idempotencyKey: `offer-${n}:webhook`,
  };
}

function pending(n: number, dueIn: number): PendingDelivery {
  const d = delivery(n);
  return {
    id: d.idempotencyKey,
    delivery: d,
    attempt: 2,
    nextAttemptAt: start + dueIn,
    firstAttemptAt: start,
  };
}

describe(SqliteDeliveryAttemptStore.name, () => {
  it('returns only due deliveries, earliest first, at most the limit', () => {
    const store = new SqliteDeliveryAttemptStore(tempDatabase().db());
    [pending(1, 300), pending(2, 100), pending(3, 200), pending(4, 9_000)].forEach((p) =>
      store.savePending(p),
    );
    expect(store.takeDue(start + 300, 2)).toEqual([pending(2, 100), pending(3, 200)]);
    expect(store.takeDue(start + 300, 10).map((p) => p.id)).toEqual(['offer-1:webhook']);
    expect(store.takeDue(start + 300, 0)).toEqual([]);
    expect(store.pendingCount()).toBe(4);
  });

  it('hides a taken delivery until its lease ends, even across a restart', () => {
    const file = tempDatabase();
    new SqliteDeliveryAttemptStore(file.db(), 1_000).savePending(pending(1, 0));
    expect(new SqliteDeliveryAttemptStore(file.db(), 1_000).takeDue(start, 10)).toHaveLength(1);
    const afterCrash = new SqliteDeliveryAttemptStore(file.reopen(), 1_000);
    expect(afterCrash.takeDue(start + 999, 10)).toHaveLength(0);
    expect(afterCrash.takeDue(start + 1_000, 10)).toEqual([pending(1, 0)]);
  });

  it('reschedules on savePending, ending the lease, and forgets on clearPending', () => {
    const store = new SqliteDeliveryAttemptStore(tempDatabase().db());
    store.savePending(pending(1, 0));
    store.takeDue(start, 10);
    store.savePending({ ...pending(1, 0), attempt: 3, nextAttemptAt: start + 5 });
    expect(store.takeDue(start + 5, 10)).toMatchObject([{ attempt: 3, nextAttemptAt: start + 5 }]);
    store.clearPending('offer-1:webhook');
    store.clearPending('offer-1:webhook');
    expect(store.pendingCount()).toBe(0);
  });

  it('moves a dead letter out of the pending list, keeps it across a restart and hands it back once', () => {
    const file = tempDatabase();
    const store = new SqliteDeliveryAttemptStore(file.db());
    const [p1, p2] = [pending(1, 0), pending(2, 0)];
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
      deadAt: start,
    });
    expect(store.pendingCount()).toBe(0);

    const restarted = new SqliteDeliveryAttemptStore(file.reopen());
    expect(restarted.listDeadLetters().map((l) => l.id)).toEqual([p2.id, p1.id]);
    expect(restarted.listDeadLetters(1).map((l) => l.id)).toEqual([p2.id]);
    expect(restarted.takeDeadLetter(p1.id)).toEqual({
      id: p1.id,
      delivery: p1.delivery,
      reason: 'rejected',
      detail: 'http-410',
      attempts: 1,
      deadAt: start,
    });
    expect(restarted.takeDeadLetter(p1.id)).toBeUndefined();
  });

  it('keeps every attempt of a delivery in order, with its optional fields as recorded', () => {
    const store = new SqliteDeliveryAttemptStore(tempDatabase().db());
    const base = { deliveryId: 'd', touchpointId: 'webhook', durationMs: 3 } as const;
    const attempts = [
      { ...base, attempt: 1, at: start, outcome: 'rejected', retryable: true, reason: 'timeout' },
      { ...base, attempt: 2, at: start + 9, outcome: 'error', reason: 'boom' },
      { ...base, attempt: 3, at: start + 20, outcome: 'delivered' },
    ] as const;
    attempts.forEach((a) => store.recordAttempt(a));
    expect(store.listAttempts('d')).toEqual(attempts);
    expect(store.listAttempts('other')).toEqual([]);
  });

  it('lets a dispatcher pick up a scheduled retry after a restart and deliver it', async () => {
    const file = tempDatabase();
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
    const dispatcherOn = (db: Database.Database, now: number) =>
      createDeliveryDispatcher({
        channels: new Map([['webhook', channel]]),
        attempts: new SqliteDeliveryAttemptStore(db),
        clock: { now: () => now },
        random: () => 0.5,
      });
    expect(await dispatcherOn(file.db(), start).dispatch(delivery(1))).toMatchObject({
      kind: 'retry-scheduled',
      retryAt: start + 500,
    });
    const restarted = dispatcherOn(file.reopen(), start + 500);
    expect(await restarted.runDueRetries(start + 500)).toMatchObject([
      { kind: 'delivered', attempt: 2 },
    ]);
    const store = new SqliteDeliveryAttemptStore(file.db());
    expect(store.pendingCount()).toBe(0);
    expect(store.listAttempts('offer-1:webhook').map((a) => a.outcome)).toEqual([
      'rejected',
      'delivered',
    ]);
  });
});
