import {
  createDeliveryDispatcher,
  InMemoryDeliveryAttemptStore,
  type Clock,
  type Delivery,
} from '@omnitouch/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { WebhookChannel } from './webhook-channel';
import { verifyWebhookSignature } from './webhook-signature';
import { startWebhookReceiver, type ReceiverStep } from './webhook-test-receiver';

const start = Date.UTC(2026, 10, 25, 2, 0, 0);
const secret = 'whsec-test-0123456789';
const delivery: Delivery = {
  offerId: 'offer-42',
  customerId: 'cust-13800000042',
  caseId: 'case-5g-upgrade',
  touchpointId: 'partner-crm',
  deliveryMethod: 'webhook',
  content: { 'zh-CN': '升级 5G 套餐立减 20 元', en: 'Upgrade to 5G, save 20' },
  idempotencyKey: 'offer-42:partner-crm',
};

class TestClock implements Clock {
  current = start;
  now(): number {
    return this.current;
  }
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function setUp(script: ReceiverStep[], timeoutMs = 2_000) {
  const receiver = await startWebhookReceiver(script);
  closers.push(receiver.close);
  const clock = new TestClock();
  const channel = new WebhookChannel({ url: receiver.url, secret, timeoutMs, clock });
  const attempts = new InMemoryDeliveryAttemptStore();
  const dispatcher = createDeliveryDispatcher({
    channels: new Map([['partner-crm', channel]]),
    attempts,
    clock,
    random: () => 0.5,
  });
  return { receiver, clock, channel, attempts, dispatcher };
}

describe(WebhookChannel.name, () => {
  it('POSTs the signed JSON payload with its idempotency key', async () => {
    const { receiver, channel } = await setUp([{ status: 200 }]);
    expect(await channel.deliver(delivery)).toEqual({ kind: 'delivered', at: start });
    const [request] = receiver.received;
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['idempotency-key']).toBe('offer-42:partner-crm');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      ...delivery,
      sentAt: '2026-11-25T02:00:00.000Z',
    });
    const header = request?.headers['omnitouch-signature'];
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(
      verifyWebhookSignature(secret, String(header), request?.body ?? '', start + 1_000),
    ).toEqual({
      valid: true,
    });
  });

  it('retries a receiver failing with 500 twice and delivers on the third attempt, same key each time', async () => {
    const { receiver, clock, dispatcher, attempts } = await setUp([
      { status: 500 },
      { status: 500 },
      { status: 200 },
    ]);
    expect(await dispatcher.dispatch(delivery)).toMatchObject({
      kind: 'retry-scheduled',
      reason: 'http-500',
    });
    clock.current += 500;
    expect(await dispatcher.runDueRetries(clock.now())).toMatchObject([
      { kind: 'retry-scheduled', attempt: 2 },
    ]);
    clock.current += 1_000;
    expect(await dispatcher.runDueRetries(clock.now())).toMatchObject([
      { kind: 'delivered', attempt: 3 },
    ]);

    expect(receiver.received.map((r) => r.headers['idempotency-key'])).toEqual(
      Array(3).fill('offer-42:partner-crm'),
    );
    const sentAts = [start, start + 500, start + 1_500];
    receiver.received.forEach((request, i) => {
      const check = verifyWebhookSignature(
        secret,
        String(request.headers['omnitouch-signature']),
        request.body,
        sentAts[i] ?? 0,
        1,
      );
      expect(check).toEqual({ valid: true });
    });
    expect(
      attempts.listAttempts(delivery.idempotencyKey).map((a) => a.reason ?? a.outcome),
    ).toEqual(['http-500', 'http-500', 'delivered']);
  });

  it('dead-letters at once when the receiver answers 400', async () => {
    const { receiver, clock, dispatcher } = await setUp([{ status: 400 }]);
    expect(await dispatcher.dispatch(delivery)).toMatchObject({
      kind: 'dead-lettered',
      letter: { reason: 'rejected', detail: 'http-400', attempts: 1 },
    });
    clock.current += 3_600_000;
    expect(await dispatcher.runDueRetries(clock.now())).toEqual([]);
    expect(receiver.received).toHaveLength(1);
    expect(dispatcher.listDeadLetters().map((l) => l.id)).toEqual(['offer-42:partner-crm']);
  });

  it('treats a receiver slower than the timeout as a retryable failure and delivers on retry', async () => {
    const { receiver, clock, dispatcher } = await setUp(
      [{ status: 200, delayMs: 1_000 }, { status: 200 }],
      150,
    );
    const began = performance.now();
    expect(await dispatcher.dispatch(delivery)).toMatchObject({
      kind: 'retry-scheduled',
      reason: 'timeout',
    });
    expect(performance.now() - began).toBeLessThan(900);
    clock.current += 500;
    expect(await dispatcher.runDueRetries(clock.now())).toMatchObject([
      { kind: 'delivered', attempt: 2 },
    ]);
    expect(receiver.received).toHaveLength(2);
  });

  it.each([
    { status: 200, expected: { kind: 'delivered', at: start } },
    { status: 204, expected: { kind: 'delivered', at: start } },
    { status: 408, expected: { kind: 'rejected', retryable: true, reason: 'http-408' } },
    { status: 429, expected: { kind: 'rejected', retryable: true, reason: 'http-429' } },
    { status: 503, expected: { kind: 'rejected', retryable: true, reason: 'http-503' } },
    { status: 301, expected: { kind: 'rejected', retryable: false, reason: 'http-301' } },
    { status: 404, expected: { kind: 'rejected', retryable: false, reason: 'http-404' } },
    { status: 410, expected: { kind: 'rejected', retryable: false, reason: 'http-410' } },
  ])('classifies a real $status answer', async ({ status, expected }) => {
    const { channel } = await setUp([{ status }]);
    expect(await channel.deliver(delivery)).toEqual(expected);
  });

  it('treats a refused connection as a retryable network error', async () => {
    const { receiver, channel } = await setUp([]);
    await receiver.close();
    expect(await channel.deliver(delivery)).toEqual({
      kind: 'rejected',
      retryable: true,
      reason: 'network-error',
    });
  });

  it.each(['not a url', 'ftp://example.com/hook'])(
    'refuses the configured url %s at construction',
    (url) => {
      expect(() => new WebhookChannel({ url, secret })).toThrow(TypeError);
    },
  );
});
