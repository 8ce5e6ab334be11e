import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@omnitouch/contracts';
import { createTestApp, type TestApp } from '../testing/test-app';
import { registerApiKeyAuth } from './auth.plugin';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
});

const basic = (user: string, password = '') =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe(registerApiKeyAuth.name, () => {
  it.each([
    ['Bearer', (key: string) => ({ authorization: `Bearer ${key}` })],
    ['X-Api-Key', (key: string) => ({ 'x-api-key': key })],
    ['Basic with the key as user name (Segment)', (key: string) => ({ authorization: basic(key) })],
    ['Basic with the key as password', (key: string) => ({ authorization: basic('', key) })],
  ])('accepts the key sent as %s', async (_name, headers) => {
    t = await createTestApp();
    const response = await t.app.inject({
      url: '/api/v1/catalog/cases',
      headers: headers(t.keys.staff),
    });
    expect(response.statusCode).toBe(200);
  });

  it.each([
    ['no header', {}, 'missing-api-key'],
    ['an unknown key', { authorization: 'Bearer otk_not-a-key' }, 'invalid-api-key'],
    ['an unknown scheme', { authorization: 'Digest abc' }, 'missing-api-key'],
  ] as const)('answers 401 to %s', async (_name, headers, error) => {
    t = await createTestApp();
    const response = await t.app.inject({ url: '/api/v1/catalog/cases', headers });
    expect(response.statusCode).toBe(401);
    expect(response.json<ErrorBody>().error).toBe(error);
  });

  it('refuses a key at the next request once it is revoked, though it was just verified', async () => {
    t = await createTestApp();
    const staffKey = t.keys.staff;
    const catalog = () =>
      t?.app.inject({
        url: '/api/v1/catalog/cases',
        headers: { authorization: `Bearer ${staffKey}` },
      });
    expect((await catalog())?.statusCode).toBe(200);
    const keys = await t.request({ method: 'GET', url: '/api/v1/keys', as: 'admin' });
    const staffId = keys
      .json<{ items: { id: string; role: string }[] }>()
      .items.find((key) => key.role === 'staff')?.id;
    const revoked = await t.request({
      method: 'DELETE',
      url: `/api/v1/keys/${staffId}`,
      as: 'admin',
    });
    expect(revoked.statusCode).toBe(204);
    expect((await catalog())?.statusCode).toBe(401);
  });

  it('accepts BOOTSTRAP_ADMIN_KEY as an admin key', async () => {
    const bootstrapAdminKey = 'bootstrap-secret-0123456789';
    t = await createTestApp({ config: { bootstrapAdminKey } });
    const headers = { authorization: `Bearer ${bootstrapAdminKey}` };
    expect((await t.app.inject({ url: '/api/v1/keys', headers })).statusCode).toBe(200);
  });

  it('refuses to register a route that declares no roles', async () => {
    t = await createTestApp();
    expect(() => t?.app.get('/open', () => 'oops')).toThrow(/declares neither/);
  });

  it('rate limits per key: one key exhausted, another still served', async () => {
    t = await createTestApp({ config: { rateLimitPerMinute: 2 } });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push(
        (await t.request({ method: 'GET', url: '/api/v1/catalog/cases', as: 'staff' })).statusCode,
      );
    }
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await t.request({ method: 'GET', url: '/api/v1/catalog/cases', as: 'staff' });
    expect(limited.json<ErrorBody>().error).toBe('rate-limited');
    expect(limited.headers['retry-after']).toBeDefined();
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/catalog/cases', as: 'analyst' })).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });
});
