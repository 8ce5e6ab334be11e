import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFrontLineTestApp, type FrontLineTestApp } from '../../delivery/front-line-test-app';
import { issueFields } from '../../testing/error-issues';
import { registerTouchpointStreamRoutes } from './touchpoint-stream.routes';

let t: FrontLineTestApp;
beforeEach(async () => {
  t = await createFrontLineTestApp();
});
afterEach(async () => {
  await t.close();
});

/** Reads SSE frames from a streaming fetch body until `until` holds for one. */
async function readFrames(body: ReadableStream<Uint8Array>, until: (frame: string) => boolean) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      throw new Error(`stream ended; got ${buffer}`);
    }
    buffer += decoder.decode(value, { stream: true });
    const frames = buffer.split('\n\n');
    const hit = frames.find(until);
    if (hit !== undefined) {
      await reader.cancel();
      return hit;
    }
  }
}

describe(registerTouchpointStreamRoutes.name, () => {
  it('pushes the store offer to the clerk screen over real HTTP the moment the visit is ingested', async () => {
    t.addQualifiedCustomer('c-1');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const response = await fetch(
      `http://127.0.0.1:${port}/api/v1/touchpoints/store/stream?staffId=alice`,
      {
        headers: { authorization: `Bearer ${t.keys.staff}` },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const body = response.body;
    if (body === null) {
      throw new Error('no body');
    }
    const started = performance.now();
    const visit = {
      eventId: 'v-1',
      customerId: 'c-1',
      type: 'store-visit',
      occurredAt: t.now(),
      properties: {},
    };
    const frame = readFrames(body, (f) => f.includes('event: offer'));
    expect((await t.runtime.ingest([visit])).ok).toBe(true);
    const offer = await frame;
    const latencyMs = performance.now() - started;
    const data = JSON.parse(
      offer
        .split('\n')
        .find((l) => l.startsWith('data: '))
        ?.slice(6) ?? '{}',
    ) as Record<string, unknown>;
    expect(data).toMatchObject({
      customerId: 'c-1',
      caseId: 'store-upgrade',
      touchpointId: 'store',
    });
    expect(offer).toContain(`id: ${String(data.idempotencyKey)}`);
    // Event-to-offer latency, printed for the report (budget p99 ≤ 20 ms; one sample here).
    console.info(`event-to-offer on the SSE stream: ${latencyMs.toFixed(2)} ms`);
    expect(latencyMs).toBeLessThan(1000);
  });

  it('sends heartbeat comments and stops delivering to a screen that disconnected', async () => {
    await t.close();
    t = await createFrontLineTestApp({ heartbeatMs: 20 });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/touchpoints/store/stream`, {
      headers: { authorization: `Bearer ${t.keys.admin}` },
      signal: controller.signal,
    });
    expect(
      await readFrames(response.body as ReadableStream<Uint8Array>, (f) => f === ': heartbeat'),
    ).toBe(': heartbeat');
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(t.delivery.hub.screenCount({ touchpointId: 'store' })).toBe(0);
  });

  it.each([
    [undefined, 401],
    ['analyst', 403],
    ['ingest', 403],
  ] as const)('answers %s with %i before opening a stream', async (role, status) => {
    const response = await t.request({
      method: 'GET',
      url: '/api/v1/touchpoints/store/stream',
      ...(role && { as: role }),
    });
    expect(response.statusCode).toBe(status);
  });

  it('answers 404 for an unknown touchpoint and 400 naming an unknown query field', async () => {
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/touchpoints/fax/stream', as: 'staff' }))
        .statusCode,
    ).toBe(404);
    const bad = await t.request({
      method: 'GET',
      url: '/api/v1/touchpoints/store/stream?colour=red',
      as: 'staff',
    });
    expect(bad.statusCode).toBe(400);
    expect(issueFields(bad)).toEqual(['/colour']);
  });
});
