import {
  buildCaseTouchpointStrategy,
  buildCatalogSnapshot,
  buildMarketingCase,
  buildTouchpoint,
  runPipelineScenario,
  type PipelineScenario,
} from '@omnitouch/testkit';
import { describe, it } from 'vitest';

// The factory SMS touchpoint is quiet 21:00–08:00 China time (UTC+8, the policy default).
const at2200 = Date.UTC(2026, 10, 25, 14, 0);
const at2300 = Date.UTC(2026, 10, 25, 15, 0);
const next0800 = Date.UTC(2026, 10, 26, 0, 0);
const at2055 = Date.UTC(2026, 10, 25, 12, 55);
const minute = 60_000;
const delayedTenMinutes = buildMarketingCase({
  id: 'later',
  touchpoints: [buildCaseTouchpointStrategy({ delaySeconds: 600 })],
});

const scenarios: PipelineScenario[] = [
  {
    description: 'defers an SMS triggered at 22:00 to 08:00 and delivers it when due',
    steps: [
      { setClock: at2200 },
      { ingest: {} },
      {
        expectActions: [
          { kind: 'defer', caseId: 'top-up-bonus', touchpointId: 'sms', deliverAt: next0800 },
        ],
      },
      { expectTrace: [{ caseId: 'top-up-bonus', reason: 'deferred' }] },
      { setClock: at2300 },
      { takeDueDeliveries: {} },
      { expectActions: [] },
      { setClock: next0800 },
      { takeDueDeliveries: {} },
      {
        expectActions: [
          { kind: 'deliver', caseId: 'top-up-bonus', touchpointId: 'sms', offerId: 'offer-1' },
        ],
      },
      { takeDueDeliveries: {} },
      { expectActions: [] },
    ],
  },
  {
    description: 'honours a strategy delay, and delivers once it has passed',
    catalog: { cases: [delayedTenMinutes] },
    steps: [
      { ingest: {} },
      { expectActions: [{ kind: 'defer', caseId: 'later' }] },
      { advanceClock: 9 * minute },
      { takeDueDeliveries: {} },
      { expectActions: [] },
      { advanceClock: minute },
      { takeDueDeliveries: {} },
      { expectActions: [{ kind: 'deliver', caseId: 'later' }] },
    ],
  },
  {
    description: 'pushes a delayed delivery that would land in quiet hours to their end',
    catalog: { cases: [delayedTenMinutes] },
    steps: [
      { setClock: at2055 },
      { ingest: {} },
      { expectActions: [{ kind: 'defer', caseId: 'later', deliverAt: next0800 }] },
    ],
  },
  {
    description: 'drops a contact in quiet hours on a touchpoint that drops rather than defers',
    catalog: {
      touchpoints: [
        buildTouchpoint({
          id: 'sms',
          quietHours: { start: '21:00', end: '08:00', action: 'drop' },
        }),
        ...buildCatalogSnapshot().touchpoints.filter((touchpoint) => touchpoint.id !== 'sms'),
      ],
    },
    steps: [
      { setClock: at2200 },
      { ingest: {} },
      { expectActions: [] },
      { expectTrace: [{ caseId: 'top-up-bonus', touchpointId: 'sms', reason: 'quiet-hours' }] },
    ],
  },
];

describe('ingest: quiet hours and delays', () => {
  it.each(scenarios)('$description', (scenario) => {
    runPipelineScenario(scenario);
  });
});
