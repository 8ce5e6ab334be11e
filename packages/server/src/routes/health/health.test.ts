import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { registerHealthRoutes } from './health.routes';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
});

describe(registerHealthRoutes.name, () => {
  it('answers /healthz without a key', async () => {
    t = await createTestApp();
    const response = await t.app.inject({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz 200 when the database answers', async () => {
    t = await createTestApp();
    const response = await t.app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready', checks: { database: true } });
  });

  it('answers /readyz 503 naming the failing check when the database is closed', async () => {
    t = await createTestApp();
    t.db.close();
    const response = await t.app.inject({ url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'not-ready', checks: { database: false } });
  });
});
