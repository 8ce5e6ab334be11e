import {
  buildCatalogSnapshot,
  buildMarketingCase,
  buildTouchpoint,
  runPipelineScenario,
  type PipelineScenario,
} from '@omnitouch/testkit';
import { describe, it } from 'vitest';

const snapshot = buildCatalogSnapshot();
const otherTouchpoints = snapshot.touchpoints.filter((t) => t.id !== 'sms');
const storeClerk = snapshot.touchpoints.find((t) => t.id === 'store-clerk');

const scenarios: PipelineScenario[] = [
  {
    description:
      'skips a contact when the touchpoint is out of capacity, and sends once it refills',
    catalog: {
      touchpoints: [buildTouchpoint({ id: 'sms', capacityPerMinute: 1 }), ...otherTouchpoints],
    },
    steps: [
      { ingest: { customerId: 'customer-1' } },
      { expectActions: [{ kind: 'deliver', caseId: 'top-up-bonus' }] },
      { ingest: { customerId: 'customer-2' } },
      { expectActions: [] },
      { expectTrace: [{ caseId: 'top-up-bonus', touchpointId: 'sms', reason: 'capacity' }] },
      { advanceClock: 60_000 },
      { ingest: { customerId: 'customer-2' } },
      { expectActions: [{ kind: 'deliver', caseId: 'top-up-bonus' }] },
    ],
  },
  {
    description: "limits a staffed touchpoint's capacity per staff member",
    catalog: {
      touchpoints: [
        ...snapshot.touchpoints.filter((t) => t.id !== 'store-clerk'),
        buildTouchpoint({ ...storeClerk, capacityPerMinute: 1 }),
      ],
      cases: [
        buildMarketingCase({ id: 'store-only', touchpoints: snapshot.cases[2]?.touchpoints ?? [] }),
      ],
    },
    steps: [
      { ingest: { customerId: 'customer-1' } },
      { ingest: { customerId: 'customer-2' } },
      { decide: { touchpointId: 'store-clerk', customerId: 'customer-1', staffId: 'clerk-a' } },
      { expectActions: [{ kind: 'deliver', caseId: 'store-only' }] },
      { decide: { touchpointId: 'store-clerk', customerId: 'customer-2', staffId: 'clerk-a' } },
      { expectActions: [] },
      { expectTrace: [{ caseId: 'store-only', reason: 'capacity' }] },
      { decide: { touchpointId: 'store-clerk', customerId: 'customer-2', staffId: 'clerk-b' } },
      { expectActions: [{ kind: 'deliver', caseId: 'store-only' }] },
    ],
  },
];

describe('ingest: touchpoint capacity (flow control)', () => {
  it.each(scenarios)('$description', (scenario) => {
    runPipelineScenario(scenario);
  });
});
