import type { LocalizedText } from '@omnitouch/core';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../ports/clock';
import type { Delivery, DeliveryChannel, DeliveryResult } from '../ports/delivery-channel';
import { createDeliveryDispatcher } from './delivery-dispatcher';
import type { DispatchOutcome } from './dispatch-outcome';
import { InMemoryDeliveryAttemptStore } from './in-memory-delivery-attempt-store';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy';

const start = Date.UTC(2026, 10, 25, 2, 0, 0);
const content: LocalizedText = { 'zh-CN': '流量包优惠', en: 'Data pack offer' };

class TestClock implements Clock {
  constructor(public current: number = start) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): number {
    this.current += ms;
    return this.current;
  }
}

function buildDelivery(overrides: Partial<Delivery> = {}): Delivery {
  return {
    offerId: 'offer-1',
    customerId: 'cust-0001',
    caseId: 'case-data-pack',
    touchpointId: 'sms',
    deliveryMethod: 'sms',
    content,
    idempotencyKey: 'offer-1:sms',
    ...overrides,
  };
}

/** A channel that plays back a script of results (an Error is thrown) and fails loudly past its end. */
function scriptedChannel(id: string, clock: Clock, script: (DeliveryResult | Error | 'ok')[]) {
  const seen: Delivery[] = [];
  const channel: DeliveryChannel = {
    id,
    deliver(delivery) {
      seen.push(delivery);
      const next = script.shift();
      if (next === undefined) {
        throw new Error(`scripted channel ${id} called more often than scripted`);
      }
      if (next instanceof Error) {
        return Promise.reject(next);
      }
      return Promise.resolve(next === 'ok' ? { kind: 'delivered', at: clock.now() } : next);
    },
  };
  return { channel, seen };
}

const busy: DeliveryResult = { kind: 'rejected', retryable: true, reason: 'http-503' };
const refused: DeliveryResult = { kind: 'rejected', retryable: false, reason: 'http-400' };

function setUp(script: (DeliveryResult | Error | 'ok')[], retryPolicy?: RetryPolicy) {
  const clock = new TestClock();
  const attempts = new InMemoryDeliveryAttemptStore();
  const outcomes: DispatchOutcome[] = [];
  const { channel, seen } = scriptedChannel('sms-gateway', clock, script);
  const dispatcher = createDeliveryDispatcher({
    channels: new Map([['sms', channel]]),
    attempts,
    clock,
    random: () => 0.5,
    onResult: (outcome) => outcomes.push(outcome),
    ...(retryPolicy ? { retryPolicy } : {}),
  });
  return { clock, attempts, outcomes, seen, dispatcher };
}

describe(createDeliveryDispatcher.name, () => {
  it('delivers on the first attempt and records it', async () => {
    const { dispatcher, attempts, outcomes } = setUp(['ok']);
    const outcome = await dispatcher.dispatch(buildDelivery());
    expect(outcome).toMatchObject({ kind: 'delivered', attempt: 1, at: start });
    expect(outcomes).toEqual([outcome]);
    expect(attempts.listAttempts('offer-1:sms')).toEqual([
      {
        deliveryId: 'offer-1:sms',
        touchpointId: 'sms',
        attempt: 1,
        at: start,
        durationMs: 0,
        outcome: 'delivered',
      },
    ]);
    expect(attempts.pendingCount()).toBe(0);
  });

  it('retries a busy destination after backoff with jitter until it takes the delivery', async () => {
    const { dispatcher, attempts, clock, seen } = setUp([busy, busy, 'ok']);
    const first = await dispatcher.dispatch(buildDelivery());
    // random() = 0.5: half of the 1 s ceiling, then half of 2 s.
    expect(first).toMatchObject({
      kind: 'retry-scheduled',
      attempt: 1,
      reason: 'http-503',
      retryAt: start + 500,
    });
    expect(await dispatcher.runDueRetries(clock.advance(499))).toEqual([]);
    const second = await dispatcher.runDueRetries(clock.advance(1));
    expect(second).toMatchObject([{ kind: 'retry-scheduled', attempt: 2, retryAt: start + 1_500 }]);
    const third = await dispatcher.runDueRetries(clock.advance(1_000));
    expect(third).toMatchObject([{ kind: 'delivered', attempt: 3 }]);
    expect(
      attempts.listAttempts('offer-1:sms').map((a) => [a.attempt, a.at, a.outcome, a.reason]),
    ).toEqual([
      [1, start, 'rejected', 'http-503'],
      [2, start + 500, 'rejected', 'http-503'],
      [3, start + 1_500, 'delivered', undefined],
    ]);
    expect(new Set(seen.map((d) => d.idempotencyKey))).toEqual(new Set(['offer-1:sms']));
    expect(attempts.pendingCount()).toBe(0);
  });

  it('dead-letters a refused delivery at once and delivers it on a manual retry', async () => {
    const { dispatcher, attempts, clock } = setUp([refused, 'ok']);
    const outcome = await dispatcher.dispatch(buildDelivery());
    expect(outcome).toMatchObject({
      kind: 'dead-lettered',
      letter: {
        id: 'offer-1:sms',
        reason: 'rejected',
        detail: 'http-400',
        attempts: 1,
        deadAt: start,
      },
    });
    expect(attempts.pendingCount()).toBe(0);
    expect(dispatcher.listDeadLetters().map((l) => l.id)).toEqual(['offer-1:sms']);

    clock.advance(60_000);
    const retried = await dispatcher.retryDeadLetter('offer-1:sms');
    expect(retried).toMatchObject({ kind: 'delivered', attempt: 1, at: start + 60_000 });
    expect(dispatcher.listDeadLetters()).toEqual([]);
    expect(attempts.listAttempts('offer-1:sms').map((a) => a.outcome)).toEqual([
      'rejected',
      'delivered',
    ]);
  });

  it('dead-letters after the last attempt of the round', async () => {
    const policy: RetryPolicy = {
      baseDelayMs: 1_000,
      factor: 2,
      maxDelayMs: 600_000,
      maxAttempts: 3,
    };
    const { dispatcher, clock, outcomes } = setUp([busy, busy, busy], policy);
    await dispatcher.dispatch(buildDelivery());
    await dispatcher.runDueRetries(clock.advance(500));
    const last = await dispatcher.runDueRetries(clock.advance(1_000));
    expect(last).toMatchObject([
      {
        kind: 'dead-lettered',
        attempt: 3,
        letter: { reason: 'attempts-exhausted', detail: 'http-503', attempts: 3 },
      },
    ]);
    expect(outcomes.map((o) => o.kind)).toEqual([
      'retry-scheduled',
      'retry-scheduled',
      'dead-lettered',
    ]);
    expect(await dispatcher.runDueRetries(clock.advance(3_600_000))).toEqual([]);
  });

  it('dead-letters a channel that throws as our bug, keeping the error, without throwing', async () => {
    const bug = new TypeError('cannot read properties of undefined');
    const { dispatcher, attempts } = setUp([bug]);
    const outcome = await dispatcher.dispatch(buildDelivery());
    expect(outcome).toMatchObject({
      kind: 'dead-lettered',
      error: bug,
      letter: { reason: 'channel-error' },
    });
    expect(attempts.listAttempts('offer-1:sms')).toMatchObject([
      { outcome: 'error', reason: bug.message },
    ]);
  });

  it('dead-letters a delivery to a touchpoint no channel serves', async () => {
    const { dispatcher } = setUp([]);
    const outcome = await dispatcher.dispatch(
      buildDelivery({ touchpointId: 'fax', idempotencyKey: 'offer-1:fax' }),
    );
    expect(outcome).toMatchObject({
      kind: 'dead-lettered',
      letter: { reason: 'no-channel', id: 'offer-1:fax' },
    });
  });

  it('returns undefined for a manual retry of an unknown dead letter', async () => {
    const { dispatcher } = setUp([]);
    expect(await dispatcher.retryDeadLetter('nope')).toBeUndefined();
  });

  it('gives a manually retried dead letter a fresh round of attempts', async () => {
    const policy: RetryPolicy = {
      baseDelayMs: 1_000,
      factor: 2,
      maxDelayMs: 600_000,
      maxAttempts: 2,
    };
    const { dispatcher, clock } = setUp([busy, busy, busy, 'ok'], policy);
    await dispatcher.dispatch(buildDelivery());
    const dead = await dispatcher.runDueRetries(clock.advance(500));
    expect(dead).toMatchObject([{ kind: 'dead-lettered', attempt: 2 }]);
    expect(await dispatcher.retryDeadLetter('offer-1:sms')).toMatchObject({
      kind: 'retry-scheduled',
      attempt: 1,
    });
    expect(await dispatcher.runDueRetries(clock.advance(500))).toMatchObject([
      { kind: 'delivered', attempt: 2 },
    ]);
  });

  it("applies the retry policy of the delivery's touchpoint", async () => {
    const clock = new TestClock();
    const attempts = new InMemoryDeliveryAttemptStore();
    const screen = scriptedChannel('staff-screen', clock, [busy]);
    const sms = scriptedChannel('sms-gateway', clock, [busy]);
    const short: RetryPolicy = { baseDelayMs: 100, factor: 2, maxDelayMs: 1_000, maxAttempts: 1 };
    const dispatcher = createDeliveryDispatcher({
      channels: new Map([
        ['store-01', screen.channel],
        ['sms', sms.channel],
      ]),
      attempts,
      clock,
      random: () => 0.5,
      retryPolicy: (touchpointId) => (touchpointId === 'store-01' ? short : defaultRetryPolicy),
    });
    const onScreen = buildDelivery({
      touchpointId: 'store-01',
      idempotencyKey: 'offer-1:store-01',
    });
    expect(await dispatcher.dispatch(onScreen)).toMatchObject({
      kind: 'dead-lettered',
      letter: { reason: 'attempts-exhausted', detail: 'http-503' },
    });
    expect(await dispatcher.dispatch(buildDelivery())).toMatchObject({ kind: 'retry-scheduled' });
  });

  it('does not attempt a retry twice when two runs overlap', async () => {
    const { dispatcher, clock, seen } = setUp([busy, 'ok']);
    await dispatcher.dispatch(buildDelivery());
    const now = clock.advance(500);
    const [first, second] = await Promise.all([
      dispatcher.runDueRetries(now),
      dispatcher.runDueRetries(now),
    ]);
    expect([...(first ?? []), ...(second ?? [])]).toMatchObject([
      { kind: 'delivered', attempt: 2 },
    ]);
    expect(seen).toHaveLength(2);
  });

  it.each([
    { label: 'before it expires', now: start + 59_999, kind: 'delivered' },
    { label: 'once it has expired', now: start + 60_000, kind: 'expired' },
  ])('dispatches a deferred contact $label', async ({ now, kind }) => {
    const { dispatcher, seen } = setUp(['ok']);
    const outcome = await dispatcher.dispatchScheduled(
      {
        offerId: 'offer-9',
        customerId: 'cust-0009',
        caseId: 'case-roaming',
        touchpointId: 'sms',
        deliveryMethod: 'sms',
        content,
        deliverAt: start,
        expiresAt: start + 60_000,
      },
      now,
    );
    expect(outcome.kind).toBe(kind);
    expect(outcome.delivery.idempotencyKey).toBe('offer-9:sms');
    expect(seen).toHaveLength(kind === 'delivered' ? 1 : 0);
  });

  it('takes at most a batch of due retries per run, earliest first', async () => {
    const clock = new TestClock();
    const attempts = new InMemoryDeliveryAttemptStore();
    const { channel } = scriptedChannel('sms-gateway', clock, ['ok', 'ok', 'ok']);
    const dispatcher = createDeliveryDispatcher({
      channels: new Map([['sms', channel]]),
      attempts,
      clock,
      random: () => 0,
      batchSize: 2,
    });
    for (const [n, due] of [
      [3, 30],
      [1, 10],
      [2, 20],
    ] as const) {
      const delivery = buildDelivery({ offerId: `offer-${n}`, idempotencyKey: `offer-${n}:sms` });
      attempts.savePending({
        id: delivery.idempotencyKey,
        delivery,
        attempt: 2,
        nextAttemptAt: start + due,
        firstAttemptAt: start,
      });
    }
    const run = await dispatcher.runDueRetries(start + 30);
    expect(run.map((o) => o.delivery.offerId)).toEqual(['offer-1', 'offer-2']);
    expect(attempts.pendingCount()).toBe(1);
  });

  it('dispatches a never-pending delivery directly, clearing nothing once delivered', async () => {
    const { dispatcher, attempts } = setUp(['ok']);
    const cleared: string[] = [];
    const clear = attempts.clearPending.bind(attempts);
    attempts.clearPending = (id) => {
      cleared.push(id);
      clear(id);
    };
    expect(await dispatcher.dispatchDirect(buildDelivery())).toMatchObject({ kind: 'delivered' });
    expect(cleared).toEqual([]);
    expect(attempts.listAttempts('offer-1:sms')).toHaveLength(1);
  });

  it('saves a directly dispatched delivery as pending when it is refused retryably', async () => {
    const { dispatcher, attempts } = setUp([busy]);
    expect(await dispatcher.dispatchDirect(buildDelivery())).toMatchObject({
      kind: 'retry-scheduled',
      retryAt: start + 500,
    });
    expect(attempts.takeDue(start + 500, 10)).toMatchObject([{ id: 'offer-1:sms', attempt: 2 }]);
  });
});
