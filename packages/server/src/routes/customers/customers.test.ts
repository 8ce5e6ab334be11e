import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFrontLineTestApp, type FrontLineTestApp } from '../../delivery/front-line-test-app';
import { issueFields } from '../../testing/error-issues';
import { buildTopUpEvent } from '../../testing/front-line-events';
import { registerCustomerRoutes } from './customers.routes';
import type { CustomerProfileBody, TimelineBody } from './customers.schema';

let t: FrontLineTestApp;
beforeEach(async () => {
  t = await createFrontLineTestApp();
  t.addQualifiedCustomer('c-1');
  await t.runtime.ingest([buildTopUpEvent('c-1', t.now())], { explain: true });
});
afterEach(async () => {
  await t.close();
});

describe(registerCustomerRoutes.name, () => {
  it('shows the profile with tags by id, attributes, consent and counters', async () => {
    const response = await t.request({ method: 'GET', url: '/api/v1/customers/c-1', as: 'staff' });
    expect(response.statusCode).toBe(200);
    const body = response.json<CustomerProfileBody>();
    expect(body).toMatchObject({
      customerId: 'c-1',
      tags: ['5g-user'],
      attributes: { arpu: 80 },
      consent: { unsubscribed: false },
    });
    expect(body.eventCounts['top-up']?.total).toBe(1);
    expect(body.caseContactTotals).toEqual({ 'data-pack': 1 });
  });

  it('merges events, decisions with traces, contacts and outcomes newest first', async () => {
    t.advance(60_000);
    await t.request({
      method: 'POST',
      url: '/api/v1/outcomes',
      payload: { offerId: 'offer-1', outcome: 'viewed' },
      as: 'staff',
    });
    const response = await t.request({
      method: 'GET',
      url: '/api/v1/customers/c-1/timeline?limit=10',
      as: 'analyst',
    });
    expect(response.statusCode).toBe(200);
    const entries = response.json<TimelineBody>().entries;
    expect(entries.map((e) => e.kind)).toEqual(['outcome', 'contact', 'decision', 'event']);
    const decision = entries[2];
    expect(
      decision?.kind === 'decision' && decision.trace?.some((e) => e.reason === 'chosen'),
    ).toBe(true);
    const limited = await t.request({
      method: 'GET',
      url: '/api/v1/customers/c-1/timeline?limit=2',
      as: 'planner',
    });
    expect(limited.json<TimelineBody>().entries).toHaveLength(2);
  });

  it('answers 404 for an unknown customer and 400 naming a bad limit', async () => {
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/customers/nobody', as: 'staff' })).statusCode,
    ).toBe(404);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/customers/nobody/timeline', as: 'staff' }))
        .statusCode,
    ).toBe(404);
    const bad = await t.request({
      method: 'GET',
      url: '/api/v1/customers/c-1/timeline?limit=9999',
      as: 'staff',
    });
    expect(bad.statusCode).toBe(400);
    expect(issueFields(bad)).toEqual(['/limit']);
  });

  it('answers 401 without a key and 403 to ingest and approver keys', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/customers/c-1' })).statusCode).toBe(401);
    for (const role of ['ingest', 'approver'] as const) {
      expect(
        (await t.request({ method: 'GET', url: '/api/v1/customers/c-1/timeline', as: role }))
          .statusCode,
        role,
      ).toBe(403);
    }
  });
});
