import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@omnitouch/contracts';
import { createFrontLineTestApp, type FrontLineTestApp } from '../../delivery/front-line-test-app';
import { issueFields } from '../../testing/error-issues';
import { buildTopUpEvent } from '../../testing/front-line-events';
import { registerOutcomeRoutes } from './outcomes.routes';
import type { OutcomesResponse } from './outcomes.schema';

let t: FrontLineTestApp;
beforeEach(async () => {
  t = await createFrontLineTestApp();
  t.addQualifiedCustomer('c-1');
  await t.runtime.ingest([buildTopUpEvent('c-1', t.now())]);
});
afterEach(async () => {
  await t.close();
});

/** offer-1 is the SMS data pack delivered by the top-up (ids are a sequence in the test app). */
const smsOffer = 'offer-1';

describe(registerOutcomeRoutes.name, () => {
  it('records one outcome with its ISO time, amount and staff member', async () => {
    const payload = {
      offerId: smsOffer,
      outcome: 'converted',
      at: '2025-11-24T16:05:00Z',
      amount: 30,
      staffId: 'alice',
    };
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/outcomes',
      payload,
      as: 'staff',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<OutcomesResponse>()).toEqual({
      recorded: 1,
      outcomes: [
        {
          offerId: smsOffer,
          customerId: 'c-1',
          caseId: 'data-pack',
          touchpointId: 'sms',
          outcome: 'converted',
          at: Date.parse('2025-11-24T16:05:00Z'),
          amount: 30,
          staffId: 'alice',
        },
      ],
    });
  });

  it('records a batch, and rejects a batch with an unknown offer whole, naming it', async () => {
    const good = { offerId: smsOffer, outcome: 'viewed' };
    const batch = await t.request({
      method: 'POST',
      url: '/api/v1/outcomes/batch',
      payload: { outcomes: [good, { ...good, outcome: 'accepted' }] },
      as: 'ingest',
    });
    expect(batch.json<OutcomesResponse>().recorded).toBe(2);
    const bad = await t.request({
      method: 'POST',
      url: '/api/v1/outcomes/batch',
      payload: { outcomes: [good, { offerId: 'nope', outcome: 'viewed' }] },
      as: 'ingest',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().issues).toEqual([
      { field: '/outcomes/1/offerId', reason: 'unknown offer' },
    ]);
    const timeline = await t.request({
      method: 'GET',
      url: '/api/v1/customers/c-1/timeline',
      as: 'analyst',
    });
    const outcomes = timeline
      .json<{ entries: { kind: string }[] }>()
      .entries.filter((e) => e.kind === 'outcome');
    expect(outcomes).toHaveLength(2);
  });

  it('answers 400 naming every bad field', async () => {
    const payload = { offerId: smsOffer, outcome: 'loved', at: 'yesterday', amount: -1 };
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/outcomes',
      payload,
      as: 'staff',
    });
    expect(response.statusCode).toBe(400);
    expect(issueFields(response)).toEqual(['/amount', '/at', '/outcome']);
  });

  it('answers 401 without a key and 403 to roles that do not report outcomes', async () => {
    const payload = { offerId: smsOffer, outcome: 'viewed' };
    expect((await t.request({ method: 'POST', url: '/api/v1/outcomes', payload })).statusCode).toBe(
      401,
    );
    for (const role of ['analyst', 'planner', 'approver'] as const) {
      const response = await t.request({
        method: 'POST',
        url: '/api/v1/outcomes/batch',
        payload: { outcomes: [payload] },
        as: role,
      });
      expect(response.statusCode, role).toBe(403);
    }
  });
});
