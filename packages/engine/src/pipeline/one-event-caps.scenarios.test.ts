import { defaultContactPolicy, type DecisionAction } from '@omnitouch/core';
import {
  buildCaseTouchpointStrategy,
  buildCatalogSnapshot,
  buildMarketingCase,
  runPipelineScenario,
  type PipelineScenario,
} from '@omnitouch/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { day, minute } from './scenario-fixtures';

/** Five live cases on `top-up`, each reaching the customer by outbound SMS. */
const fiveSmsCases = ['a', 'b', 'c', 'd', 'e'].map((letter, i) =>
  buildMarketingCase({ id: `sms-${letter}`, value: 50 - i }),
);

const scenarios: PipelineScenario[] = [
  {
    description: 'delivers only up to the daily cap when one event triggers five outbound cases',
    catalog: {
      cases: fiveSmsCases,
      contactPolicy: { ...defaultContactPolicy, disturbancesPerDay: 2, offersPerInteraction: 5 },
    },
    steps: [
      { ingest: {} },
      {
        expectActions: [
          { kind: 'deliver', caseId: 'sms-a' },
          { kind: 'deliver', caseId: 'sms-b' },
        ],
      },
      {
        expectTrace: ['sms-c', 'sms-d', 'sms-e'].map((caseId) => ({
          caseId,
          touchpointId: 'sms',
          reason: 'daily-cap' as const,
        })),
      },
      // A new local day: the cap allows two more.
      { advanceClock: day },
      { ingest: {} },
      {
        expectActions: [
          { kind: 'deliver', caseId: 'sms-a' },
          { kind: 'deliver', caseId: 'sms-b' },
        ],
      },
    ],
  },
  {
    description: 'counts the contacts of the same event against the rolling 30-day cap',
    catalog: {
      cases: fiveSmsCases,
      contactPolicy: {
        ...defaultContactPolicy,
        disturbancesPer30Days: 3,
        disturbancesPerDay: 10,
        offersPerInteraction: 5,
      },
    },
    steps: [
      { ingest: {} },
      {
        expectActions: [
          { kind: 'deliver', caseId: 'sms-a' },
          { kind: 'deliver', caseId: 'sms-b' },
          { kind: 'deliver', caseId: 'sms-c' },
        ],
      },
      { expectTrace: [{ caseId: 'sms-d', reason: 'global-cap' }] },
    ],
  },
  {
    description: 'lets a non-disturbing contact through after the cap is reached by the same event',
    catalog: {
      cases: [
        ...fiveSmsCases.slice(0, 3),
        buildMarketingCase({ id: 'receipt', transactional: true, value: 1 }),
      ],
      contactPolicy: { ...defaultContactPolicy, disturbancesPerDay: 1, offersPerInteraction: 5 },
    },
    steps: [
      { ingest: {} },
      {
        expectActions: [
          { kind: 'deliver', caseId: 'sms-a' },
          { kind: 'deliver', caseId: 'receipt' },
        ],
      },
    ],
  },
];

describe('ingest: contact caps within one event', () => {
  it.each(scenarios)('$description', (scenario) => {
    runPipelineScenario(scenario);
  });
});

/** When an action contacts the customer: a delivery now, a deferral at its delivery time. */
function contactTimeOf(action: DecisionAction): number | undefined {
  if (action.kind === 'deliver') {
    return action.at;
  }
  return action.kind === 'defer' ? action.deliverAt : undefined;
}

const capsArb = fc.record({
  disturbancesPerDay: fc.integer({ min: 0, max: 3 }),
  disturbancesPer30Days: fc.integer({ min: 0, max: 8 }),
  offersPerInteraction: fc.integer({ min: 1, max: 6 }),
});

const casesArb = fc.array(
  fc.record({
    touchpointIds: fc.shuffledSubarray(['sms', 'app-push'], { minLength: 1 }),
    value: fc.integer({ min: 1, max: 100 }),
    delaySeconds: fc.constantFrom(0, 0, 600, 7_200),
  }),
  { minLength: 1, maxLength: 6 },
);

/** Each step: wait this long (up to 14 h, so some events land in SMS quiet hours), then ingest. */
const waitsArb = fc.array(
  fc.integer({ min: 0, max: 14 * 60 }).map((m) => m * minute),
  {
    minLength: 1,
    maxLength: 12,
  },
);

describe('ingest: contact caps property', () => {
  it('never lets any sequence of events exceed the daily or 30-day disturbance caps', () => {
    fc.assert(
      fc.property(capsArb, casesArb, waitsArb, (caps, caseShapes, waits) => {
        const cases = caseShapes.map((shape, i) =>
          buildMarketingCase({
            id: `case-${i}`,
            value: shape.value,
            touchpoints: shape.touchpointIds.map((touchpointId, preference) =>
              buildCaseTouchpointStrategy({
                touchpointId,
                preference,
                delaySeconds: shape.delaySeconds,
                validForSeconds: 600,
              }),
            ),
          }),
        );
        const contactPolicy = { ...defaultContactPolicy, ...caps };
        const { engine, clock } = runPipelineScenario({
          description: 'property run',
          catalog: { ...buildCatalogSnapshot(), cases, contactPolicy },
          steps: [],
        });
        const contacts: number[] = [];
        for (const wait of waits) {
          clock.advance(wait);
          const result = engine.ingest({
            eventId: `event-${clock.now()}`,
            customerId: 'customer-1',
            type: 'top-up',
            occurredAt: clock.now(),
            properties: { amount: 50 },
          });
          expect(result.ok).toBe(true);
          for (const action of result.ok ? result.value.actions : []) {
            const at = contactTimeOf(action);
            if (at !== undefined) {
              contacts.push(at);
            }
          }
        }
        // Waits total at most 12 × 14 h < 30 days: every contact lies in one rolling window.
        expect(contacts.length).toBeLessThanOrEqual(caps.disturbancesPer30Days);
        const perLocalDay = new Map<number, number>();
        const offset = contactPolicy.defaultUtcOffsetMinutes * minute;
        for (const at of contacts) {
          const localDay = Math.floor((at + offset) / day);
          perLocalDay.set(localDay, (perLocalDay.get(localDay) ?? 0) + 1);
        }
        for (const used of perLocalDay.values()) {
          expect(used).toBeLessThanOrEqual(caps.disturbancesPerDay);
        }
      }),
      { numRuns: 200 },
    );
  });
});
