import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeliveryService } from './create-delivery-service';
import { issueFields } from '../testing/error-issues';
import { buildTopUpEvent } from '../testing/front-line-events';
import { createFrontLineTestApp, type FrontLineTestApp } from './front-line-test-app';

/** A real receiver on 127.0.0.1 answering the scripted statuses in turn (500 when out of script). */
async function startReceiver(script: number[]) {
  const received: { key: string | undefined; signature: string | undefined }[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received.push({
        key: request.headers['idempotency-key'] as string | undefined,
        signature: request.headers['omnitouch-signature'] as string | undefined,
      });
      response.writeHead(script.shift() ?? 500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let t: FrontLineTestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeEach(async () => {
  t = await createFrontLineTestApp();
  t.addQualifiedCustomer('c-1');
});
afterEach(async () => {
  await t.close();
  await receiver.close();
});

async function bindSmsWebhook(url: string) {
  const payload = { kind: 'webhook', url, secret: 'a-very-long-signing-secret' };
  const response = await t.request({
    method: 'PUT',
    url: '/api/v1/touchpoints/sms/channel',
    payload,
    as: 'planner',
  });
  expect(response.statusCode).toBe(201);
}

describe(createDeliveryService.name, () => {
  it('retries a failing webhook with backoff until it succeeds, with one idempotency key', async () => {
    receiver = await startReceiver([503, 500, 200]);
    await bindSmsWebhook(receiver.url);
    await t.runtime.ingest([buildTopUpEvent('c-1', t.now())]);
    expect(receiver.received).toHaveLength(1);
    // random() = 0.5: the first retry waits 500 ms, the second 1,000 ms.
    expect(await t.delivery.runDue(t.now() + 499)).toBe(0);
    t.advance(500);
    expect(await t.delivery.runDue(t.now())).toBe(1);
    t.advance(1000);
    expect(await t.delivery.runDue(t.now())).toBe(1);
    expect(receiver.received.map((r) => r.key)).toEqual(Array(3).fill('offer-1:sms'));
    expect(receiver.received.every((r) => r.signature?.startsWith('t='))).toBe(true);
    t.advance(60_000);
    expect(await t.delivery.runDue(t.now())).toBe(0);
    const metrics = await t.metrics.registry.getSingleMetricAsString('omnitouch_deliveries_total');
    expect(metrics).toContain('touchpoint="sms",status="delivered"} 1');
    expect(metrics).toContain('touchpoint="sms",status="retry-scheduled"} 2');
  });

  it('dead-letters a 4xx at once, lists it, and delivers it on a manual retry', async () => {
    receiver = await startReceiver([400, 200]);
    await bindSmsWebhook(receiver.url);
    await t.runtime.ingest([buildTopUpEvent('c-1', t.now())]);
    const list = await t.request({ method: 'GET', url: '/api/v1/dead-letters', as: 'analyst' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      items: [
        {
          id: 'offer-1:sms',
          reason: 'rejected',
          detail: 'http-400',
          attempts: 1,
          customerId: 'c-1',
        },
      ],
    });
    const forbidden = await t.request({
      method: 'POST',
      url: '/api/v1/dead-letters/offer-1:sms/retry',
      as: 'planner',
    });
    expect(forbidden.statusCode).toBe(403);
    const retried = await t.request({
      method: 'POST',
      url: '/api/v1/dead-letters/offer-1:sms/retry',
      as: 'admin',
    });
    expect(retried.json()).toEqual({ id: 'offer-1:sms', retried: true });
    expect(receiver.received).toHaveLength(2);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/dead-letters', as: 'admin' })).json(),
    ).toEqual({ items: [] });
    const again = await t.request({
      method: 'POST',
      url: '/api/v1/dead-letters/offer-1:sms/retry',
      as: 'admin',
    });
    expect(again.statusCode).toBe(404);
  });

  it('answers the dead-letter routes 401 without a key, 403 to staff, 400 naming a bad limit', async () => {
    receiver = await startReceiver([]);
    expect((await t.request({ method: 'GET', url: '/api/v1/dead-letters' })).statusCode).toBe(401);
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/dead-letters/x/retry' })).statusCode,
    ).toBe(401);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/dead-letters', as: 'staff' })).statusCode,
    ).toBe(403);
    const bad = await t.request({
      method: 'GET',
      url: '/api/v1/dead-letters?limit=0',
      as: 'admin',
    });
    expect(bad.statusCode).toBe(400);
    expect(issueFields(bad)).toEqual(['/limit']);
  });

  it('writes deliveries of an unbound outbound touchpoint to the log', async () => {
    receiver = await startReceiver([]);
    await t.runtime.ingest([buildTopUpEvent('c-1', t.now())]);
    expect(
      t.logLines.some(
        (line) => line.includes('touchpoint=sms') && line.includes('key=offer-1:sms'),
      ),
    ).toBe(true);
  });
});
