import {
  buildMarketingCase,
  fakeClockStart,
  runPipelineScenario,
  type PipelineScenario,
} from '@omnitouch/testkit';
import { describe, expect, it } from 'vitest';
import { day } from './scenario-fixtures';

const scenarios: PipelineScenario[] = [
  {
    description: 'keeps a declined case away for the policy cooldown of 7 days',
    steps: [
      { ingest: {} },
      { expectActions: [{ kind: 'deliver', caseId: 'top-up-bonus', offerId: 'offer-1' }] },
      { recordOutcome: { offerId: 'offer-1', outcome: 'declined' } },
      {
        expectProfile: { matches: { declinedUntil: { 'top-up-bonus': fakeClockStart + 7 * day } } },
      },
      { advanceClock: 6 * day },
      { ingest: {} },
      { expectActions: [] },
      { expectTrace: [{ caseId: 'top-up-bonus', reason: 'cooldown' }] },
      { advanceClock: day },
      { ingest: {} },
      { expectActions: [{ kind: 'deliver', caseId: 'top-up-bonus' }] },
    ],
  },
  {
    description: "uses the case's own cooldown when it sets one",
    catalog: { cases: [buildMarketingCase({ id: 'short-cooldown', declineCooldownDays: 1 })] },
    steps: [
      { ingest: {} },
      { recordOutcome: { offerId: 'offer-1', outcome: 'declined' } },
      { advanceClock: day },
      { ingest: {} },
      { expectActions: [{ kind: 'deliver', caseId: 'short-cooldown' }] },
    ],
  },
  {
    description: 'rejects an outcome for an unknown offer, naming the field',
    steps: [
      { recordOutcome: { offerId: 'offer-404', outcome: 'accepted' } },
      { expectRejected: ['/offerId'] },
    ],
  },
];

describe('recordOutcome: decline cooldown and learning', () => {
  it.each(scenarios)('$description', (scenario) => {
    runPipelineScenario(scenario);
  });

  it('learns from an accepted offer once, however many outcomes follow', () => {
    const { offers } = runPipelineScenario({
      description: 'accepted, then converted',
      steps: [
        { ingest: {} },
        { recordOutcome: { offerId: 'offer-1', outcome: 'accepted' } },
        { recordOutcome: { offerId: 'offer-1', outcome: 'converted', amount: 30 } },
        { advanceClock: day },
        { ingest: {} },
      ],
    });
    // Beta(1, 1) prior: 1/2 before any trial, 2/3 after one success; value 10, weights 1.
    expect(offers.get('offer-1')?.score).toBeCloseTo(5);
    expect(offers.get('offer-2')?.score).toBeCloseTo(20 / 3);
  });

  it('records every outcome with the touchpoint the offer was presented on', () => {
    const { outcomes, engine } = runPipelineScenario({
      description: 'outcomes',
      steps: [{ ingest: {} }],
    });
    const result = engine.recordOutcome({
      offerId: 'offer-1',
      outcome: 'converted',
      amount: 30,
      staffId: 'clerk-1',
    });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        touchpointId: 'sms',
        caseId: 'top-up-bonus',
        amount: 30,
        staffId: 'clerk-1',
      }) as unknown,
    });
    expect(outcomes.listForOffer('offer-1')).toHaveLength(1);
  });
});
