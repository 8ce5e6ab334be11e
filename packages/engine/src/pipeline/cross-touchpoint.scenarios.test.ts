import {
  buildCaseTouchpointStrategy,
  buildCatalogSnapshot,
  buildMarketingCase,
  buildTouchpoint,
  compileScenarioCatalog,
  FakeClock,
  InMemoryOfferStore,
  InMemoryOutcomeStore,
  InMemoryProfileStore,
  runPipelineScenario,
  type PipelineScenario,
} from '@omnitouch/testkit';
import type { OfferInstance } from '@omnitouch/core';
import { describe, expect, it } from 'vitest';
import type { OfferStore } from '../ports/offer-store';
import { createDecisionEngine } from './decision-engine';
// China-time moments (UTC+8); the factory SMS touchpoint is quiet 21:00–08:00.
import { at2200, next0700, next0800 } from './scenario-fixtures';

const hotline = buildTouchpoint({
  id: 'hotline',
  kind: 'inbound',
  deliveryMethods: ['voice'],
  isDisturbance: false,
});
const storeOrSms = buildMarketingCase({
  id: 'store-or-sms',
  touchpoints: [
    buildCaseTouchpointStrategy({ touchpointId: 'store-clerk', allowOutbound: false }),
    buildCaseTouchpointStrategy({ touchpointId: 'sms', preference: 1 }),
  ],
});
const inboundOnly = (id: string, value: number) =>
  buildMarketingCase({
    id,
    value,
    touchpoints: [
      buildCaseTouchpointStrategy({ touchpointId: 'store-clerk', allowOutbound: false }),
      buildCaseTouchpointStrategy({ touchpointId: 'hotline', allowOutbound: false, preference: 1 }),
    ],
  });
const touchpoints = [...buildCatalogSnapshot().touchpoints, hotline];

const scenarios: PipelineScenario[] = [
  {
    description: 'does not re-send by SMS an offer presented at the store meanwhile',
    catalog: { cases: [storeOrSms] },
    steps: [
      { setClock: at2200 },
      { ingest: {} },
      {
        expectActions: [
          { kind: 'defer', caseId: 'store-or-sms', touchpointId: 'sms', deliverAt: next0800 },
        ],
      },
      { setClock: next0700 },
      { decide: { touchpointId: 'store-clerk' } },
      {
        expectActions: [
          {
            kind: 'deliver',
            caseId: 'store-or-sms',
            touchpointId: 'store-clerk',
            offerId: 'offer-1',
          },
        ],
      },
      { setClock: next0800 },
      { takeDueDeliveries: {} },
      { expectActions: [] },
      {
        expectTrace: [{ caseId: 'store-or-sms', touchpointId: 'sms', reason: 'already-presented' }],
      },
    ],
  },
  {
    description:
      'holds an inbound-only offer until the customer is at a touchpoint, then presents it once',
    catalog: { touchpoints, cases: [inboundOnly('store-only', 10)] },
    steps: [
      { ingest: {} },
      { expectActions: [{ kind: 'hold', caseId: 'store-only', offerId: 'offer-1' }] },
      { decide: { touchpointId: 'hotline' } },
      {
        expectActions: [
          { kind: 'deliver', caseId: 'store-only', touchpointId: 'hotline', offerId: 'offer-1' },
        ],
      },
      { decide: { touchpointId: 'store-clerk' } },
      { expectActions: [] },
    ],
  },
  {
    description: 'presents the best offers up to the limit and says which were outranked',
    catalog: { touchpoints, cases: [inboundOnly('small', 5), inboundOnly('big', 50)] },
    steps: [
      { ingest: {} },
      {
        expectActions: [
          { kind: 'hold', caseId: 'small' },
          { kind: 'hold', caseId: 'big' },
        ],
      },
      { decide: { touchpointId: 'store-clerk', limit: 1 } },
      { expectActions: [{ kind: 'deliver', caseId: 'big' }] },
      { expectTrace: [{ caseId: 'small', touchpointId: 'store-clerk', reason: 'outranked' }] },
    ],
  },
  {
    description: 'rejects a decision for an unknown touchpoint or a bad limit',
    steps: [
      { decide: { touchpointId: 'kiosk', limit: 0 } },
      { expectRejected: ['/touchpointId', '/limit'] },
    ],
  },
];

/** An offer store whose `listOpen` answers from a snapshot, as a second server would mid-race. */
class StaleListOfferStore implements OfferStore {
  constructor(
    private readonly inner: OfferStore,
    private readonly snapshot: OfferInstance[],
  ) {}
  create = (offer: OfferInstance) => this.inner.create(offer);
  get = (offerId: string) => this.inner.get(offerId);
  listOpen = () => this.snapshot;
  findOpen = (customerId: string, caseId: string, now: number) =>
    this.inner.findOpen(customerId, caseId, now);
  tryPresent = (offerId: string, touchpointId: string, at: number) =>
    this.inner.tryPresent(offerId, touchpointId, at);
  close = (offerId: string, state: 'withdrawn' | 'expired') => this.inner.close(offerId, state);
}

describe('cross-touchpoint suppression', () => {
  it.each(scenarios)('$description', (scenario) => {
    runPipelineScenario(scenario);
  });

  it('lets exactly one of two touchpoints deciding at once present a held offer', () => {
    const catalog = compileScenarioCatalog({ touchpoints, cases: [inboundOnly('store-only', 10)] });
    const offers = new InMemoryOfferStore();
    const shared = {
      profiles: new InMemoryProfileStore(),
      outcomes: new InMemoryOutcomeStore(),
      clock: new FakeClock(),
      catalog,
    };
    const store = createDecisionEngine({ ...shared, offers });
    const event = {
      eventId: 'e1',
      customerId: 'c1',
      type: 'top-up',
      occurredAt: 0,
      properties: { amount: 5 },
    };
    expect(store.ingest(event).ok).toBe(true);
    const seenByHotline = offers.listOpen('c1', shared.clock.now());
    const hotlineEngine = createDecisionEngine({
      ...shared,
      offers: new StaleListOfferStore(offers, seenByHotline),
    });

    const atStore = store.decide({ customerId: 'c1', touchpointId: 'store-clerk', explain: true });
    const atHotline = hotlineEngine.decide({
      customerId: 'c1',
      touchpointId: 'hotline',
      explain: true,
    });

    expect(atStore.ok && atStore.value.actions.map((action) => action.kind)).toEqual(['deliver']);
    expect(atHotline.ok && atHotline.value.actions).toEqual([]);
    expect(atHotline.ok && atHotline.value.trace).toContainEqual(
      expect.objectContaining({
        caseId: 'store-only',
        touchpointId: 'hotline',
        reason: 'already-presented',
      }),
    );
    expect(shared.profiles.get('c1')?.contacts).toHaveLength(1);
  });
});
