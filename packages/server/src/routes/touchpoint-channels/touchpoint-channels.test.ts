import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@omnitouch/contracts';
import { createFrontLineTestApp, type FrontLineTestApp } from '../../delivery/front-line-test-app';
import { registerTouchpointChannelRoutes } from './touchpoint-channels.routes';
import { issueFields } from '../../testing/error-issues';

let t: FrontLineTestApp;
beforeEach(async () => {
  t = await createFrontLineTestApp();
});
afterEach(async () => {
  await t.close();
});

const url = (id: string) => `/api/v1/touchpoints/${id}/channel`;
const webhook = {
  kind: 'webhook',
  url: 'https://gw.example/sms',
  secret: 'a-very-long-signing-secret',
  timeoutMs: 2000,
};

describe(registerTouchpointChannelRoutes.name, () => {
  it.each([
    ['store', 'staff-screen'],
    ['hotline', 'staff-screen'],
    ['sms', 'log'],
  ])('gives %s the default %s channel when none is bound', async (id, kind) => {
    const response = await t.request({ method: 'GET', url: url(id), as: 'planner' });
    expect(response.json()).toEqual({ touchpointId: id, kind, hasSecret: false, isDefault: true });
  });

  it('binds a webhook without ever returning its secret, keeps the secret on a URL change, and unbinds', async () => {
    const created = await t.request({
      method: 'PUT',
      url: url('sms'),
      payload: webhook,
      as: 'planner',
    });
    expect(created.statusCode).toBe(201);
    const view = {
      touchpointId: 'sms',
      kind: 'webhook',
      url: webhook.url,
      timeoutMs: 2000,
      hasSecret: true,
      isDefault: false,
    };
    expect(created.json()).toEqual(view);
    expect(created.body).not.toContain(webhook.secret);
    const moved = await t.request({
      method: 'PUT',
      url: url('sms'),
      payload: { kind: 'webhook', url: 'https://gw2.example/sms' },
      as: 'admin',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toEqual({ ...view, url: 'https://gw2.example/sms', timeoutMs: undefined });
    expect((await t.request({ method: 'DELETE', url: url('sms'), as: 'planner' })).statusCode).toBe(
      204,
    );
    expect((await t.request({ method: 'DELETE', url: url('sms'), as: 'planner' })).statusCode).toBe(
      404,
    );
    expect(
      (await t.request({ method: 'GET', url: url('sms'), as: 'planner' })).json(),
    ).toMatchObject({ kind: 'log', isDefault: true });
  });

  it('answers 400 naming the missing url and secret of a webhook, and unknown fields', async () => {
    const missing = await t.request({
      method: 'PUT',
      url: url('sms'),
      payload: { kind: 'webhook' },
      as: 'planner',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ErrorBody>().issues?.map((i) => i.field)).toEqual(['/url', '/secret']);
    const unknown = await t.request({
      method: 'PUT',
      url: url('sms'),
      payload: { kind: 'pigeon', colour: 1 },
      as: 'planner',
    });
    expect(issueFields(unknown)).toEqual(['/colour', '/kind']);
  });

  it('answers 404 for an unknown touchpoint, 401 without a key and 403 to other roles', async () => {
    expect(
      (await t.request({ method: 'PUT', url: url('fax'), payload: { kind: 'log' }, as: 'planner' }))
        .statusCode,
    ).toBe(404);
    expect((await t.request({ method: 'GET', url: url('sms') })).statusCode).toBe(401);
    for (const role of ['staff', 'analyst', 'ingest', 'approver'] as const) {
      expect(
        (await t.request({ method: 'PUT', url: url('sms'), payload: { kind: 'log' }, as: role }))
          .statusCode,
        role,
      ).toBe(403);
    }
  });
});
