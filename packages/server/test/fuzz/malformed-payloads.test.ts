import fc from 'fast-check';
import { Value } from '@sinclair/typebox/value';
import { ErrorBody } from '@omnitouch/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerTestApp, type ServerTestApp } from '../../src/composition/server.fixtures';
import { buildRuntimeCatalog } from '../../src/runtime/runtime.fixtures';

let t: ServerTestApp;
beforeAll(async () => {
  t = await createServerTestApp({
    catalog: buildRuntimeCatalog(),
    now: () => Date.UTC(2026, 5, 1, 4),
  });
});
afterAll(() => t.close());

const routes = [
  '/v1/batch',
  '/v1/track',
  '/v1/identify',
  '/v1/page',
  '/api/v1/events',
  '/api/v1/events?explain=true',
  '/api/v1/catalog/event-types',
  '/api/v1/keys',
] as const;

/** Sends `body` as is (a string) with `contentType`; checks the answer is a 4xx ErrorBody or a 2xx. */
async function expectNoServerError(url: string, body: string, contentType: string): Promise<void> {
  const response = await t.server.app.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${t.keys.admin}`, 'content-type': contentType },
    payload: body,
  });
  expect(response.statusCode, `${url} ${body.slice(0, 200)}`).toBeLessThan(500);
  if (response.statusCode >= 400) {
    const parsed: unknown = JSON.parse(response.body);
    expect(Value.Check(ErrorBody, parsed), response.body.slice(0, 300)).toBe(true);
  }
}

const route = fc.constantFrom(...routes);
const validTrack = { type: 'track', userId: 'u1', event: 'top-up', properties: { amount: 60 } };
const validEvent = {
  eventId: 'e',
  customerId: 'c',
  type: 'top-up',
  occurredAt: 1,
  properties: { amount: 1 },
};
const runs = { numRuns: 400 };

function nested(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

describe('malformed payloads against the ingest routes', () => {
  it('answers any JSON value with a 2xx or an ErrorBody 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(route, fc.jsonValue(), (url, value) =>
        expectNoServerError(url, JSON.stringify(value) ?? 'null', 'application/json'),
      ),
      runs,
    );
  });

  it('answers text that is not JSON with an ErrorBody 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(route, fc.string({ maxLength: 200 }), (url, text) =>
        expectNoServerError(url, `{${text}`, 'application/json'),
      ),
      runs,
    );
  });

  it('answers each field of a valid message replaced by anything', async () => {
    const field = fc.constantFrom(
      'type',
      'userId',
      'event',
      'properties',
      'messageId',
      'timestamp',
      'sentAt',
      'traits',
      'extra',
    );
    await fc.assert(
      fc.asyncProperty(field, fc.anything(), fc.boolean(), async (name, value, inBatch) => {
        const message = { ...validTrack, [name]: value };
        const body = inBatch ? { batch: [message] } : message;
        await expectNoServerError(
          inBatch ? '/v1/batch' : '/v1/track',
          JSON.stringify(body) ?? '{}',
          'application/json',
        );
        const event = { ...validEvent, [name === 'userId' ? 'customerId' : name]: value };
        await expectNoServerError(
          '/api/v1/events',
          JSON.stringify({ events: [event] }) ?? '{}',
          'application/json',
        );
      }),
      runs,
    );
  });

  it('answers wrong content types with an ErrorBody 4xx', async () => {
    const contentType = fc.constantFrom(
      'text/plain',
      'application/xml',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
      'image/png',
      '',
    );
    await fc.assert(
      fc.asyncProperty(route, contentType, fc.string({ maxLength: 100 }), (url, type, text) =>
        expectNoServerError(url, text, type),
      ),
      { numRuns: 200 },
    );
  });

  it.each([
    ['deep array nesting', nested(20_000)],
    ['deep object nesting', `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`],
    ['a huge string', JSON.stringify({ batch: [{ ...validTrack, event: 'x'.repeat(2_000_000) }] })],
    ['many events', JSON.stringify({ events: Array.from({ length: 10_001 }, () => validEvent) })],
    [
      'a long property name',
      JSON.stringify({ ...validTrack, properties: { ['p'.repeat(100_000)]: 1 } }),
    ],
  ])('survives %s on every route', async (_name, body) => {
    for (const url of routes) {
      await expectNoServerError(url, body, 'application/json');
    }
  });

  it('still ingests a valid event afterwards', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/events',
      as: 'ingest',
      payload: { events: [{ ...validEvent, eventId: 'after-fuzz' }] },
    });
    expect(response.statusCode).toBe(200);
  });
});
