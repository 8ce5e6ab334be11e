import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKeyList, CreatedApiKey, ErrorBody } from '@omnitouch/contracts';
import { createTestApp, testNow, type TestApp } from '../../testing/test-app';
import { registerKeyRoutes } from './keys.routes';
import { issueFields } from '../../testing/error-issues';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

describe(registerKeyRoutes.name, () => {
  it('creates a key whose secret then authenticates with its role', async () => {
    const payload = { role: 'analyst', label: 'BI dashboard' };
    const response = await t.request({ method: 'POST', url: '/api/v1/keys', payload, as: 'admin' });
    expect(response.statusCode).toBe(201);
    const created = response.json<CreatedApiKey>();
    expect(created).toMatchObject(payload);
    const headers = { authorization: `Bearer ${created.secret}` };
    expect((await t.app.inject({ url: '/api/v1/catalog/cases', headers })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/keys', headers })).statusCode).toBe(403);
  });

  it('lists keys without their secrets', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/keys', as: 'admin' });
    const { items } = response.json<ApiKeyList>();
    expect(items.map((key) => key.role).sort()).toEqual(
      ['admin', 'analyst', 'approver', 'ingest', 'planner', 'staff'].sort(),
    );
    expect(response.body).not.toContain(t.keys.staff);
    expect(items[0]).not.toHaveProperty('secret');
  });

  it('revokes a key, which is refused from then on', async () => {
    const { items } = (
      await t.request({ method: 'GET', url: '/api/v1/keys', as: 'admin' })
    ).json<ApiKeyList>();
    const staff = items.find((key) => key.role === 'staff');
    const url = `/api/v1/keys/${staff?.id ?? ''}`;
    expect((await t.request({ method: 'DELETE', url, as: 'admin' })).statusCode).toBe(204);
    const refused = await t.request({ method: 'GET', url: '/api/v1/catalog/cases', as: 'staff' });
    expect(refused.statusCode).toBe(401);
    expect(refused.json<ErrorBody>().error).toBe('invalid-api-key');
    const listed = (
      await t.request({ method: 'GET', url: '/api/v1/keys', as: 'admin' })
    ).json<ApiKeyList>();
    expect(listed.items.find((key) => key.id === staff?.id)?.revokedAt).toBe(testNow);
    expect((await t.request({ method: 'DELETE', url, as: 'admin' })).statusCode).toBe(404);
  });

  it('answers 400 naming every bad field', async () => {
    const payload = { role: 'boss', label: '', colour: 'red' };
    const response = await t.request({ method: 'POST', url: '/api/v1/keys', payload, as: 'admin' });
    expect(response.statusCode).toBe(400);
    expect(issueFields(response)).toEqual(['/colour', '/label', '/role']);
  });

  it.each([
    ['POST', '/api/v1/keys'],
    ['GET', '/api/v1/keys'],
    ['DELETE', '/api/v1/keys/some-id'],
  ] as const)('answers 401 to %s %s without a key and 403 to a planner', async (method, url) => {
    const payload = { role: 'staff', label: 'x' };
    expect((await t.request({ method, url, payload })).statusCode).toBe(401);
    expect((await t.request({ method, url, payload, as: 'planner' })).statusCode).toBe(403);
  });
});
