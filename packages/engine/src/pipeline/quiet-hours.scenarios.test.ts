import {
  buildCaseTouchpointStrategy,
  buildCatalogSnapshot,
  buildMarketingCase,
  buildTouchpoint,
  runPipelineScenario,
  type PipelineScenario,
} from '@omnitouch/testkit';
import { describe, it } from 'vitest';
// China-time moments (UTC+8); the factory SMS touchpoint is quiet 21:00–08:00.
import { at2055, at2200, at2300, minute, next0800 } from './scenario-fixtures';

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
