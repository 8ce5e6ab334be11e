import { compileDecisionCatalog, type CatalogSnapshot, type CustomerEvent } from '@omnitouch/core';
import {
  FakeClock,
  InMemoryOfferStore,
  InMemoryOutcomeStore,
  InMemoryProfileStore,
  buildCaseTouchpointStrategy,
  buildCatalogSnapshot,
  buildCustomerEvent,
  buildCustomerProfile,
  buildMarketingCase,
  createSequentialIds,
} from '@omnitouch/testkit';
import { describe, expect, it } from 'vitest';
import { createDecisionEngine } from './decision-engine';
import { createEngineState } from './engine-state';
import { evaluateTriggers } from './trigger-matches';

const now = Date.UTC(2026, 10, 25, 4, 0);

/** Top-up cases: bonus at ≥ 50 (audience `high-value`), any top-up, big top-up at ≥ 200. */
function topUpCatalog(extra: CatalogSnapshot['cases'] = []): CatalogSnapshot {
  const sms = [buildCaseTouchpointStrategy({ touchpointId: 'sms' })];
  return buildCatalogSnapshot({
    cases: [
      buildMarketingCase({
        id: 'bonus',
        targetRule: { has_tag: 'high-value' },
        trigger: { eventType: 'top-up', condition: { '>=': [{ var: 'event.amount' }, 50] } },
        touchpoints: sms,
      }),
      buildMarketingCase({ id: 'any', trigger: { eventType: 'top-up' }, touchpoints: sms }),
      buildMarketingCase({
        id: 'big',
        trigger: { eventType: 'top-up', condition: { '>=': [{ var: 'event.amount' }, 200] } },
        touchpoints: sms,
      }),
      ...extra,
    ],
  });
}

function engineOver(snapshot: CatalogSnapshot) {
  const compiled = compileDecisionCatalog(snapshot);
  if (!compiled.ok) {
    throw new Error(JSON.stringify(compiled.issues));
  }
  const profiles = new InMemoryProfileStore();
  profiles.put(buildCustomerProfile({ customerId: 'c-1' }));
  const deps = {
    profiles,
    offers: new InMemoryOfferStore(),
    outcomes: new InMemoryOutcomeStore(),
    clock: new FakeClock(now),
    catalog: compiled.value,
    newOfferId: createSequentialIds('offer-'),
  };
  return { deps, engine: createDecisionEngine(deps) };
}

function topUp(amount: number): CustomerEvent {
  return buildCustomerEvent({
    customerId: 'c-1',
    type: 'top-up',
    occurredAt: now,
    properties: { amount },
  });
}

describe(evaluateTriggers.name, () => {
  it.each([
    [20, [0, 1, 0]],
    [50, [1, 1, 0]],
    [250, [1, 1, 1]],
  ])('answers each case’s condition for a top-up of %i (no condition: 1)', (amount, expected) => {
    const { deps } = engineOver(topUpCatalog());
    const state = createEngineState(deps);
    const cases = deps.catalog.casesByEventType.get('top-up') ?? [];
    const profile = buildCustomerProfile({ customerId: 'c-1' });
    const results = evaluateTriggers(state, cases, profile, topUp(amount));
    expect(Array.from(results?.subarray(0, 3) ?? [])).toEqual(expected);
  });

  it('leaves a type whose cases have no condition to the per-case path', () => {
    const { deps } = engineOver(topUpCatalog());
    const state = createEngineState(deps);
    const cases = deps.catalog.casesByEventType.get('store-visit') ?? [];
    const event = buildCustomerEvent({ customerId: 'c-1', type: 'store-visit', occurredAt: now });
    expect(evaluateTriggers(state, cases, buildCustomerProfile(), event)).toBeUndefined();
  });

  it('falls back to the per-case path when a condition throws at run time', () => {
    const throwing = buildMarketingCase({
      id: 'broken',
      targetRule: { has_tag: 'high-value' },
      trigger: { eventType: 'top-up', condition: { '*': [] } },
      touchpoints: [buildCaseTouchpointStrategy({ touchpointId: 'sms' })],
    });
    const { deps } = engineOver(topUpCatalog([throwing]));
    const state = createEngineState(deps);
    const cases = deps.catalog.casesByEventType.get('top-up') ?? [];
    expect(evaluateTriggers(state, cases, buildCustomerProfile(), topUp(50))).toBeUndefined();
  });
});

describe('ingest with a throwing trigger condition', () => {
  it('still throws for a case whose audience excludes the customer, as the per-case path does', () => {
    const throwing = buildMarketingCase({
      id: 'broken',
      targetRule: { has_tag: 'high-value' },
      trigger: { eventType: 'top-up', condition: { '*': [] } },
      touchpoints: [buildCaseTouchpointStrategy({ touchpointId: 'sms' })],
    });
    const { engine } = engineOver(topUpCatalog([throwing]));
    expect(() => engine.ingest(topUp(50))).toThrow();
  });

  it('offers the cases whose conditions hold, skipping the ones outside their audience', () => {
    const { engine } = engineOver(topUpCatalog());
    const decision = engine.ingest(topUp(250));
    expect(decision.ok && decision.value.actions.map((action) => action.offer.caseId)).toEqual(
      expect.arrayContaining(['any']),
    );
    expect(decision.ok && decision.value.actions.some((a) => a.offer.caseId === 'bonus')).toBe(
      false,
    );
  });
});
