import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@omnitouch/contracts';
import { createFrontLineTestApp, type FrontLineTestApp } from '../../delivery/front-line-test-app';
import { issueFields } from '../../testing/error-issues';
import { buildTopUpEvent } from '../../testing/front-line-events';
import { registerDecideRoutes } from './decide.routes';
import type { DecideResponse } from './decide.schema';

let t: FrontLineTestApp;
beforeEach(async () => {
  t = await createFrontLineTestApp();
});
afterEach(async () => {
  await t.close();
});

describe(registerDecideRoutes.name, () => {
  it('presents the held hotline offer with bilingual content, and the trace when asked', async () => {
    t.addQualifiedCustomer('c-1');
    expect((await t.runtime.ingest([buildTopUpEvent('c-1', t.now())])).ok).toBe(true);
    const payload = {
      customerId: 'c-1',
      touchpointId: 'hotline',
      staffId: 'agent-7',
      explain: true,
    };
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/decide',
      payload,
      as: 'staff',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<DecideResponse>();
    expect(body.offers).toHaveLength(1);
    expect(body.offers[0]).toMatchObject({
      caseId: 'retention',
      touchpointId: 'hotline',
      content: { en: 'Offer at hotline', 'zh-CN': 'Offer at hotline（中文）' },
    });
    expect(body.trace?.some((entry) => entry.reason === 'chosen')).toBe(true);
    expect(body.latencyMs).toBeGreaterThanOrEqual(0);
    const again = await t.request({ method: 'POST', url: '/api/v1/decide', payload, as: 'admin' });
    expect(again.json<DecideResponse>().offers).toEqual([]);
  });

  it('answers 400 naming an unknown touchpoint and every malformed field', async () => {
    const unknown = await t.request({
      method: 'POST',
      url: '/api/v1/decide',
      payload: { customerId: 'c-1', touchpointId: 'fax' },
      as: 'staff',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ErrorBody>().issues).toEqual([
      { field: '/touchpointId', reason: 'unknown touchpoint' },
    ]);
    const malformed = await t.request({
      method: 'POST',
      url: '/api/v1/decide',
      payload: { customerId: '', touchpointId: 'hotline', limit: 0, mood: 'happy' },
      as: 'staff',
    });
    expect(malformed.statusCode).toBe(400);
    expect(issueFields(malformed)).toEqual(['/customerId', '/limit', '/mood']);
  });

  it('answers 401 without a key and 403 to roles that do not serve customers', async () => {
    const payload = { customerId: 'c-1', touchpointId: 'hotline' };
    expect((await t.request({ method: 'POST', url: '/api/v1/decide', payload })).statusCode).toBe(
      401,
    );
    for (const role of ['analyst', 'planner', 'ingest', 'approver'] as const) {
      const response = await t.request({
        method: 'POST',
        url: '/api/v1/decide',
        payload,
        as: role,
      });
      expect(response.statusCode, role).toBe(403);
    }
  });
});
