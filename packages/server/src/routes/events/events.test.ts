import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerEvent } from '@omnitouch/core';
import { createServerTestApp, type ServerTestApp } from '../../composition/server.fixtures';
import { buildRuntimeCatalog } from '../../runtime/runtime.fixtures';
import { registerEventRoutes } from './events.routes';

const now = Date.UTC(2026, 5, 1, 4); // 12:00 in China, outside quiet hours
let t: ServerTestApp;
beforeAll(async () => {
  t = await createServerTestApp({ catalog: buildRuntimeCatalog(), now: () => now });
  t.server.runtime.applyProfileChanges([
    { customerId: 'c1', attributes: { arpu: 90 }, tags: { '5g-user': true } },
  ]);
});
afterAll(() => t.close());

const topUp = (eventId: string, amount: unknown = 80): Record<string, unknown> => ({
  eventId,
  customerId: 'c1',
  type: 'top-up',
  occurredAt: now,
  properties: { amount },
});
const post = (
  body: unknown,
  as: 'ingest' | 'admin' | 'analyst' | 'nobody' = 'ingest',
  url = '/api/v1/events',
) =>
  t.request({
    method: 'POST',
    url,
    payload: body as Record<string, unknown>,
    ...(as !== 'nobody' && { as }),
  });

describe(registerEventRoutes.name, () => {
  it('accepts a bulk of events durably and counts the offers it opened', async () => {
    const response = await post({ events: [topUp('e1'), topUp('e2', 10)] });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ accepted: 2, duplicates: 0, offers: 1 });
    expect(t.server.db.prepare('SELECT count(*) AS n FROM event_log').get()).toEqual({ n: 2 });
  });

  it('answers duplicates by eventId without deciding them again', async () => {
    const response = await post({ events: [topUp('e1'), topUp('e3', 10)] }, 'admin');
    expect(response.json()).toEqual({ accepted: 1, duplicates: 1, offers: 0 });
  });

  it('returns decisions with explain traces when asked', async () => {
    const response = await post(
      { events: [topUp('e4', 10)] },
      'ingest',
      '/api/v1/events?explain=true',
    );
    const body = response.json<{ decisions: { trace: { reason: string }[] }[] }>();
    expect(body.decisions[0]?.trace[0]?.reason).toBe('trigger-not-matched');
  });

  it('rejects the whole bulk naming every bad field, unknown fields included', async () => {
    const bad: Partial<CustomerEvent> & Record<string, unknown> = { ...topUp('b2'), color: 'red' };
    const response = await post({
      events: [topUp('b1'), { ...topUp('b1b'), type: 'nope' }, bad, topUp('b3', 'lots')],
      extra: true,
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json<{ issues: { field: string }[] }>().issues.map((i) => i.field);
    expect(fields).toEqual(['/extra']);
    const second = await post({
      events: [topUp('b1'), { ...topUp('b1b'), type: 'nope' }, bad, topUp('b3', 'lots')],
    });
    expect(second.json<{ issues: { field: string }[] }>().issues.map((i) => i.field)).toEqual([
      '/events/1/type',
      '/events/2/color',
      '/events/3/properties/amount',
    ]);
    const logged = t.server.db
      .prepare("SELECT count(*) AS n FROM event_log WHERE event_id = 'b1'")
      .get();
    expect(logged).toEqual({ n: 0 });
  });

  it.each([
    ['no events', { events: [] }, '/events'],
    ['not a list', { events: 'x' }, '/events'],
    ['missing', {}, '/events'],
  ])('answers 400 for %s', async (_name, body, field) => {
    const response = await post(body);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ issues: { field: string }[] }>().issues[0]?.field).toBe(field);
  });

  it('answers 401 without a key and 403 for a role that may not ingest', async () => {
    expect((await post({ events: [topUp('x')] }, 'nobody')).statusCode).toBe(401);
    expect((await post({ events: [topUp('x')] }, 'analyst')).statusCode).toBe(403);
  });
});
