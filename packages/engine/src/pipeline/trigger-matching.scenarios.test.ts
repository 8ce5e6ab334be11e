import {
  buildCaseTouchpointStrategy,
  buildMarketingCase,
  runPipelineScenario,
  type PipelineScenario,
} from '@omnitouch/testkit';
import { describe, expect, it } from 'vitest';
import { hour } from './scenario-fixtures';

const storeOnlyTopUpCase = buildMarketingCase({
  id: 'top-up-store-offer',
  trigger: { eventType: 'top-up' },
  touchpoints: [buildCaseTouchpointStrategy({ touchpointId: 'store-clerk', allowOutbound: false })],
});

const scenarios: PipelineScenario[] = [
  {
    description: 'offers the top-up bonus by SMS for a top-up of 50 or more',
    steps: [
      { ingest: { properties: { amount: 50 } } },
      {
        expectActions: [
          { kind: 'deliver', caseId: 'top-up-bonus', touchpointId: 'sms', offerId: 'offer-1' },
        ],
      },
      { expectTrace: [{ caseId: 'top-up-bonus', touchpointId: 'sms', reason: 'chosen' }] },
    ],
  },
  {
    description: 'ignores a top-up below the trigger condition',
    steps: [
      { ingest: { properties: { amount: 20 } } },
      { expectActions: [] },
      { expectTrace: [{ caseId: 'top-up-bonus', reason: 'trigger-not-matched' }] },
    ],
  },
  {
    description: 'routes a quota alert to app push when the customer is not in a store',
    profiles: [{ attributes: { arpu: 80 } }],
    steps: [
      { ingest: { type: 'quota-alert', properties: { percent: 90 } } },
      { expectActions: [{ kind: 'deliver', caseId: 'quota-upsell', touchpointId: 'app-push' }] },
      {
        expectTrace: [
          { caseId: 'quota-upsell', touchpointId: 'store-clerk', reason: 'not-in-contact' },
        ],
      },
    ],
  },
  {
    description: 'skips a customer outside the target rule',
    profiles: [{ attributes: { arpu: 20 } }],
    steps: [
      { ingest: { type: 'quota-alert', properties: { percent: 90 } } },
      { expectActions: [] },
      { expectTrace: [{ caseId: 'quota-upsell', reason: 'rule-not-matched' }] },
    ],
  },
  {
    description: 'delivers at the store the customer is standing in',
    steps: [
      { ingest: { type: 'store-visit', properties: { storeId: 'bj-001' } } },
      {
        expectActions: [{ kind: 'deliver', caseId: 'store-welcome', touchpointId: 'store-clerk' }],
      },
    ],
  },
  {
    description: 'leaves a case alone outside its validity window',
    catalog: {
      cases: [buildMarketingCase({ id: 'future-bonus', validFrom: Date.UTC(2027, 0, 1) })],
    },
    steps: [
      { ingest: {} },
      { expectActions: [] },
      { expectTrace: [{ caseId: 'future-bonus', reason: 'outside-validity' }] },
    ],
  },
  {
    description: 'holds an inbound-only case and does not open it twice',
    catalog: { cases: [storeOnlyTopUpCase] },
    steps: [
      { ingest: {} },
      { expectActions: [{ kind: 'hold', caseId: 'top-up-store-offer', offerId: 'offer-1' }] },
      { expectTrace: [{ caseId: 'top-up-store-offer', reason: 'held-for-inbound' }] },
      { advanceClock: hour },
      { ingest: {} },
      { expectActions: [] },
      {
        expectTrace: [
          { caseId: 'top-up-store-offer', reason: 'already-open', detail: { offerId: 'offer-1' } },
        ],
      },
    ],
  },
  {
    description: 'rejects an event missing a required property and changes nothing',
    steps: [
      { ingest: { properties: {} } },
      { expectRejected: ['/properties/amount'] },
      { ingest: { type: 'no-such-type' } },
      { expectRejected: ['/type'] },
    ],
  },
];

describe('ingest: trigger index and rule matching', () => {
  it.each(scenarios)('$description', (scenario) => {
    runPipelineScenario(scenario);
  });

  it('considers only the cases the event type triggers', () => {
    const { engine } = runPipelineScenario({ description: 'setup', steps: [] });
    const result = engine.ingest(
      { eventId: 'e1', customerId: 'c1', type: 'store-visit', occurredAt: 0, properties: {} },
      { explain: true },
    );
    expect(result.ok && result.value.trace?.map((entry) => entry.caseId)).toEqual([
      'store-welcome',
    ]);
  });

  it('leaves the profile untouched by a rejected event', () => {
    const context = runPipelineScenario({
      description: 'setup',
      steps: [{ ingest: { properties: {} } }],
    });
    expect(context.profiles.count()).toBe(0);
    expect(context.offers.listOpen('customer-1', context.clock.now())).toEqual([]);
  });

  it('builds no trace unless asked to explain', () => {
    const { engine } = runPipelineScenario({ description: 'setup', steps: [] });
    const result = engine.ingest({
      eventId: 'e1',
      customerId: 'c1',
      type: 'top-up',
      occurredAt: 0,
      properties: { amount: 50 },
    });
    expect(result.ok && result.value.trace).toBeUndefined();
    expect(result.ok && result.value.actions).toHaveLength(1);
  });

  it('counts the event on the profile before matching its trigger', () => {
    const context = runPipelineScenario({
      description: 'third top-up',
      catalog: {
        cases: [
          buildMarketingCase({
            id: 'third-top-up',
            trigger: {
              eventType: 'top-up',
              condition: { '==': [{ event_count: ['top-up', 30] }, 3] },
            },
          }),
        ],
      },
      steps: [
        { ingest: {} },
        { ingest: {} },
        { expectActions: [] },
        { ingest: {} },
        { expectActions: [{ kind: 'deliver', caseId: 'third-top-up' }] },
      ],
    });
    // All three on the clock's one day: a single `[day, count]` pair.
    expect(context.profiles.get('customer-1')?.eventCounts?.['top-up']?.[1]).toBe(3);
  });
});
