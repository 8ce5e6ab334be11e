import {
  buildCatalogSnapshot,
  buildMarketingCase,
  runPipelineScenario,
  type PipelineScenario,
} from '@omnitouch/testkit';
import { describe, it } from 'vitest';

const snapshot = buildCatalogSnapshot();
const withoutBonus = snapshot.cases.filter((c) => c.id !== 'top-up-bonus');

const scenarios: PipelineScenario[] = [
  {
    description: 'matches a case added to the catalog on the very next event',
    profiles: [{ attributes: { arpu: 20 } }],
    steps: [
      { ingest: { type: 'quota-alert', properties: { percent: 95 } } },
      { expectActions: [] },
      {
        loadCatalog: {
          cases: [
            ...snapshot.cases,
            buildMarketingCase({ id: 'quota-rescue', trigger: { eventType: 'quota-alert' } }),
          ],
        },
      },
      { ingest: { type: 'quota-alert', properties: { percent: 95 } } },
      { expectActions: [{ kind: 'deliver', caseId: 'quota-rescue', touchpointId: 'sms' }] },
    ],
  },
  {
    description: 'stops offering a case removed from the catalog',
    steps: [{ loadCatalog: { cases: withoutBonus } }, { ingest: {} }, { expectActions: [] }],
  },
  {
    description: 'no longer presents a held offer whose case was removed',
    catalog: {
      cases: [
        buildMarketingCase({ id: 'store-only', touchpoints: snapshot.cases[2]?.touchpoints ?? [] }),
      ],
    },
    steps: [
      { ingest: {} },
      { expectActions: [{ kind: 'hold', caseId: 'store-only' }] },
      { loadCatalog: { cases: withoutBonus } },
      { decide: { touchpointId: 'store-clerk' } },
      { expectActions: [] },
      { expectTrace: [{ caseId: 'store-only', reason: 'case-not-live' }] },
    ],
  },
];

describe('loadCatalog: changes take effect without a restart', () => {
  it.each(scenarios)('$description', (scenario) => {
    runPipelineScenario(scenario);
  });
});
