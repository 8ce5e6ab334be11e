import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteProfileStore } from '@omnitouch/store-sqlite';
import { createServerTestApp, type ServerTestApp } from '../../composition/server.fixtures';
import { buildRuntimeCatalog } from '../../runtime/runtime.fixtures';
import { registerSegmentRoutes } from './segment.routes';

const now = Date.UTC(2026, 5, 1, 4);
let t: ServerTestApp;
beforeAll(async () => {
  t = await createServerTestApp({ catalog: buildRuntimeCatalog(), now: () => now });
});
afterAll(() => t.close());

const basic = (user: string) => `Basic ${Buffer.from(`${user}:`).toString('base64')}`;
const send = (url: string, payload: Record<string, unknown>, key: string | null = t.keys.ingest) =>
  t.server.app.inject({
    method: 'POST',
    url,
    payload,
    headers: key === null ? {} : { authorization: basic(key) },
  });
const loggedEvent = (eventId: string) =>
  t.server.db.prepare('SELECT payload FROM event_log WHERE event_id = ?').pluck().get(eventId) as
    string | undefined;
const issueFields = (body: string) =>
  (JSON.parse(body) as { issues: { field: string }[] }).issues.map((issue) => issue.field);

describe(registerSegmentRoutes.name, () => {
  it('ingests a batch of identify and track calls with the write key as Basic user name', async () => {
    const response = await send('/v1/batch', {
      batch: [
        {
          type: 'identify',
          userId: 'u1',
          messageId: 'm0',
          traits: { arpu: 99, email: 'x@y.z', tags: ['5g-user'] },
        },
        {
          type: 'track',
          userId: 'u1',
          event: 'Top Up',
          messageId: 'm1',
          properties: { amount: 60 },
        },
        { type: 'page', anonymousId: 'a1', name: 'Home' },
      ],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      success: true,
      accepted: 1,
      duplicates: 0,
      profiles: 1,
      ignored: 1,
    });
    expect(JSON.parse(loggedEvent('m1') ?? '{}')).toMatchObject({
      customerId: 'u1',
      type: 'top-up',
    });
    // The offer proves the identify landed before the track was decided (the case needs both).
    const offers = t.server.db
      .prepare("SELECT count(*) AS n FROM offers WHERE customer_id = 'u1'")
      .get();
    expect(offers).toEqual({ n: 1 });
  });

  it('deduplicates on messageId', async () => {
    const call = { userId: 'u2', event: 'top-up', messageId: 'dup-1', properties: { amount: 5 } };
    await send('/v1/track', call);
    const again = await send('/v1/track', call);
    expect(again.json()).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it.each([
    [
      'corrects clock skew with sentAt',
      { timestamp: '2026-06-01T03:00:00Z', sentAt: '2026-06-01T03:30:00Z' },
      now - 30 * 60_000,
    ],
    [
      'keeps a timestamp without sentAt',
      { timestamp: '2026-05-01T00:00:00Z' },
      Date.UTC(2026, 4, 1),
    ],
    ['uses receivedAt without a timestamp', {}, now],
  ])('%s', async (_name, times, expected) => {
    const messageId = `ts-${expected}`;
    await send('/v1/track', {
      userId: 'u3',
      event: 'top-up',
      messageId,
      properties: { amount: 5 },
      ...times,
    });
    expect(JSON.parse(loggedEvent(messageId) ?? '{}')).toMatchObject({ occurredAt: expected });
  });

  it('rejects a bad batch whole, naming every bad field by its batch path', async () => {
    const response = await send('/v1/batch', {
      batch: [
        {
          type: 'track',
          userId: 'u4',
          event: 'top-up',
          messageId: 'good',
          properties: { amount: 5 },
        },
        { type: 'identify', userId: 'u4', traits: { arpu: 'rich' } },
        { type: 'track', event: 'top-up', properties: { amount: 5 } },
        { type: 'track', userId: 'u4', event: 'unknown-thing', properties: {} },
        {
          type: 'track',
          userId: 'u4',
          event: 'top-up',
          properties: { amount: 'x' },
          timestamp: 'yesterday',
        },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(issueFields(response.body)).toEqual([
      '/batch/1/traits/arpu',
      '/batch/2/userId',
      '/batch/3/event',
      '/batch/4/timestamp',
    ]);
    expect(loggedEvent('good')).toBeUndefined();
  });

  it('names unknown fields and wrong types from the schema', async () => {
    const response = await send('/v1/batch', {
      batch: [{ type: 'track', userId: 7, colour: 'red' }],
      extra: 1,
    });
    expect(response.statusCode).toBe(400);
    expect(issueFields(response.body).sort()).toEqual([
      '/batch/0/colour',
      '/batch/0/userId',
      '/extra',
    ]);
  });

  it('names an undeclared property of the event type', async () => {
    const response = await send('/v1/track', {
      userId: 'u5',
      event: 'top-up',
      properties: { amount: 1, coupon: 'x' },
    });
    expect(issueFields(response.body)).toEqual(['/properties/coupon']);
  });

  it('applies identify traits as attributes and static tags', async () => {
    const response = await send('/v1/identify', {
      userId: 'u6',
      traits: { arpu: 42, tags: { '5g-user': true } },
    });
    expect(response.statusCode).toBe(200);
    const profile = new SqliteProfileStore(t.server.db).get('u6');
    expect(profile?.attributes).toEqual({ arpu: 42 });
    expect(profile?.tags[0]).toBe(1);
  });

  it.each(['/v1/page', '/v1/screen', '/v1/group', '/v1/alias'])(
    'answers %s 200 without deciding',
    async (url) => {
      const response = await send(url, { userId: 'u7', name: 'x' });
      expect(response.json()).toEqual({
        success: true,
        accepted: 0,
        duplicates: 0,
        profiles: 0,
        ignored: 1,
      });
    },
  );

  it('answers 401 without a write key and 403 for a key whose role may not ingest', async () => {
    expect((await send('/v1/track', { userId: 'u', event: 'top-up' }, null)).statusCode).toBe(401);
    expect(
      (await send('/v1/track', { userId: 'u', event: 'top-up' }, 'wrong-key')).statusCode,
    ).toBe(401);
    expect((await send('/v1/batch', { batch: [] }, t.keys.analyst)).statusCode).toBe(403);
    expect((await send('/v1/batch', { batch: [{ type: 'page' }] }, t.keys.admin)).statusCode).toBe(
      200,
    );
  });
});
