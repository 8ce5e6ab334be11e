import {
  buildCatalogSnapshot,
  buildMarketingCase,
  runPipelineScenario,
  type PipelineScenario,
} from '@omnitouch/testkit';
import { describe, it } from 'vitest';
import { day } from './scenario-fixtures';

const scenarios: PipelineScenario[] = [
  {
    description: 'stops marketing to a customer who unsubscribed from an offer',
    steps: [
      { ingest: {} },
      { recordOutcome: { offerId: 'offer-1', outcome: 'unsubscribed' } },
      { expectProfile: { matches: { consent: { unsubscribed: true } } } },
      { advanceClock: day },
      { ingest: {} },
      { expectActions: [] },
      { expectTrace: [{ caseId: 'top-up-bonus', reason: 'unsubscribed' }] },
    ],
  },
  {
    description: 'still sends service notices to an unsubscribed customer',
    catalog: {
      cases: [
        ...buildCatalogSnapshot().cases,
        buildMarketingCase({ id: 'top-up-receipt', transactional: true }),
      ],
    },
    profiles: [{ consent: { unsubscribed: true } }],
    steps: [{ ingest: {} }, { expectActions: [{ kind: 'deliver', caseId: 'top-up-receipt' }] }],
  },
  {
    description: 'never uses a delivery method the customer opted out of',
    profiles: [{ consent: { unsubscribed: false, optedOutMethods: ['sms'] } }],
    steps: [
      { ingest: {} },
      { expectActions: [] },
      { expectTrace: [{ caseId: 'top-up-bonus', touchpointId: 'sms', reason: 'opted-out' }] },
    ],
  },
];

describe('recordOutcome: unsubscribe and consent', () => {
  it.each(scenarios)('$description', (scenario) => {
    runPipelineScenario(scenario);
  });
});
