import {
  buildCaseTouchpointStrategy,
  buildCatalogSnapshot,
  buildMarketingCase,
  runPipelineScenario,
  type PipelineScenario,
} from '@omnitouch/testkit';
import { describe, expect, it } from 'vitest';
import { day, minute } from './scenario-fixtures';

const policy = buildCatalogSnapshot().contactPolicy;

const scenarios: PipelineScenario[] = [
  {
    description:
      'suppresses a third disturbing contact on the same day, and allows it the next day',
    steps: [
      { ingest: {} },
      { expectActions: [{ kind: 'deliver', caseId: 'top-up-bonus' }] },
      { advanceClock: minute },
      { ingest: {} },
      { expectActions: [{ kind: 'deliver', caseId: 'top-up-bonus' }] },
      { advanceClock: minute },
      { ingest: {} },
      { expectActions: [] },
      {
        expectTrace: [
          {
            caseId: 'top-up-bonus',
            touchpointId: 'sms',
            reason: 'daily-cap',
            detail: expectDetail({ cap: 2, used: 2 }),
          },
        ],
      },
      { advanceClock: day },
      { ingest: {} },
      { expectActions: [{ kind: 'deliver', caseId: 'top-up-bonus' }] },
    ],
  },
  {
    description: 'suppresses a disturbing contact over the rolling 30-day cap',
    catalog: { contactPolicy: { ...policy, disturbancesPer30Days: 2, disturbancesPerDay: 10 } },
    steps: [
      { ingest: {} },
      { advanceClock: day },
      { ingest: {} },
      { advanceClock: day },
      { ingest: {} },
      { expectActions: [] },
      { expectTrace: [{ caseId: 'top-up-bonus', reason: 'global-cap' }] },
      { advanceClock: 29 * day },
      { ingest: {} },
      { expectActions: [{ kind: 'deliver', caseId: 'top-up-bonus' }] },
    ],
  },
  {
    description: 'exempts a transactional case from the daily cap',
    catalog: {
      contactPolicy: { ...policy, disturbancesPerDay: 0 },
      cases: [buildMarketingCase({ id: 'top-up-receipt', transactional: true })],
    },
    steps: [{ ingest: {} }, { expectActions: [{ kind: 'deliver', caseId: 'top-up-receipt' }] }],
  },
  {
    description: "falls back to the case's next touchpoint when the preferred one is capped",
    catalog: {
      contactPolicy: { ...policy, perTouchpoint: { sms: { count: 1, periodDays: 7 } } },
      cases: [
        buildMarketingCase({
          id: 'sms-then-push',
          touchpoints: [
            buildCaseTouchpointStrategy({ touchpointId: 'sms' }),
            buildCaseTouchpointStrategy({ touchpointId: 'app-push', preference: 1 }),
          ],
        }),
      ],
    },
    steps: [
      { ingest: {} },
      { expectActions: [{ kind: 'deliver', caseId: 'sms-then-push', touchpointId: 'sms' }] },
      { ingest: {} },
      { expectActions: [{ kind: 'deliver', caseId: 'sms-then-push', touchpointId: 'app-push' }] },
      { expectTrace: [{ caseId: 'sms-then-push', touchpointId: 'sms', reason: 'touchpoint-cap' }] },
    ],
  },
  {
    description: "stops at a case's own per-customer cap",
    catalog: {
      cases: [
        buildMarketingCase({
          id: 'once-a-month',
          caps: { perCustomer: { count: 1, periodDays: 30 } },
        }),
      ],
    },
    steps: [
      { ingest: {} },
      { ingest: {} },
      { expectActions: [] },
      { expectTrace: [{ caseId: 'once-a-month', reason: 'case-cap' }] },
    ],
  },
];

/** Trace details carry more facts than a scenario states; match the ones it does. */
function expectDetail(detail: Record<string, number>): Record<string, number> {
  return expect.objectContaining(detail) as Record<string, number>;
}

describe('ingest: contact caps', () => {
  it.each(scenarios)('$description', (scenario) => {
    runPipelineScenario(scenario);
  });
});
