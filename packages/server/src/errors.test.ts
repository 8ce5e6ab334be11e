import { afterEach, describe, expect, it } from 'vitest';
import { errorCodes, type ErrorBody } from '@omnitouch/contracts';
import { createTestApp, type TestApp } from './testing/test-app';
import { errorStatus, handleError } from './errors';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
});

const post = (app: TestApp, payload: string, contentType = 'application/json') =>
  app.app.inject({
    method: 'POST',
    url: '/api/v1/keys',
    payload,
    headers: { authorization: `Bearer ${app.keys.admin}`, 'content-type': contentType },
  });

describe(handleError.name, () => {
  it('maps every error code to a 4xx or 5xx status', () => {
    for (const code of errorCodes) {
      expect(errorStatus[code]).toBeGreaterThanOrEqual(400);
    }
  });

  it.each([
    ['malformed JSON', 400, 'invalid-json', '{"role":', 'application/json'],
    ['an empty JSON body', 400, 'invalid-json', '', 'application/json'],
    ['a text body', 415, 'unsupported-media-type', 'role=admin', 'text/plain'],
    ['an XML body', 415, 'unsupported-media-type', '<key/>', 'application/xml'],
  ])('answers %s with %i %s', async (_name, status, error, payload, contentType) => {
    t = await createTestApp();
    const response = await post(t, payload, contentType);
    expect(response.statusCode).toBe(status);
    const body = response.json<ErrorBody>();
    expect(body.error).toBe(error);
    expect(body.message?.en.length).toBeGreaterThan(0);
  });

  it('answers 413 to a body over MAX_BODY_BYTES', async () => {
    t = await createTestApp({ config: { maxBodyBytes: 1024 } });
    const response = await post(t, JSON.stringify({ role: 'staff', label: 'x'.repeat(2000) }));
    expect(response.statusCode).toBe(413);
    expect(response.json<ErrorBody>().error).toBe('payload-too-large');
  });

  it('reports unknown fields and keeps the body strict (no coercion of null or strings)', async () => {
    t = await createTestApp();
    const response = await post(t, JSON.stringify({ role: null, label: 5, extra: true }));
    expect(response.json<ErrorBody>().issues).toEqual([
      { field: '/extra', reason: 'is not allowed (unknown field)' },
      {
        field: '/role',
        reason: 'must be one of: admin, planner, approver, analyst, staff, ingest',
      },
      { field: '/label', reason: 'must be string' },
    ]);
  });

  it('answers unknown routes with route-not-found', async () => {
    t = await createTestApp();
    const response = await t.app.inject({ url: '/api/v2/nothing' });
    expect(response.statusCode).toBe(404);
    expect(response.json<ErrorBody>().error).toBe('route-not-found');
  });

  it('answers 500 internal-error without leaking the exception', async () => {
    t = await createTestApp();
    t.app.get('/boom', { config: { public: true } }, () => {
      throw new Error('secret detail');
    });
    const response = await t.app.inject({ url: '/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.json<ErrorBody>().error).toBe('internal-error');
    expect(response.body).not.toContain('secret detail');
  });
});
