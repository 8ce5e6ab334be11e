import { compileDecisionCatalog, type DecisionCatalog } from '@omnitouch/core';
import { createDecisionEngine, type DecisionEngine, type ProfileStore } from '@omnitouch/engine';
import {
  FakeClock,
  InMemoryOfferStore,
  InMemoryOutcomeStore,
  InMemoryProfileStore,
  InMemoryScheduledDeliveryStore,
  createSequentialIds,
} from '@omnitouch/testkit';
import {
  generateOperatorCatalog,
  operatorReferenceTime,
} from '../synthetic-operator/operator-catalog';
import { generatePopulation } from '../synthetic-operator/operator-population';

/** The synthetic operator running on the real engine, over in-memory stores and a simulated clock. */
export interface DemoOperator {
  readonly catalog: DecisionCatalog;
  readonly engine: DecisionEngine;
  readonly clock: FakeClock;
  /** Simulated start: 12:00 China time on the reference day, so the run crosses the 21:00–08:00 quiet hours. */
  readonly startAt: number;
}

/** Builds the catalog, loads `customers` profiles and wires the decision engine. */
export function buildDemoOperator(seed: number, customers: number): DemoOperator {
  const snapshot = generateOperatorCatalog({ seed });
  const compiled = compileDecisionCatalog(snapshot);
  if (!compiled.ok) {
    // The generator promises a valid catalog; anything else is a bug worth a loud stop.
    throw new Error(`synthetic catalog rejected: ${JSON.stringify(compiled.issues.slice(0, 3))}`);
  }
  const catalog = compiled.value;
  const profiles = new InMemoryProfileStore();
  for (const profile of generatePopulation({
    seed,
    customers,
    catalog: snapshot,
    tagIndex: catalog.tagIndex,
  })) {
    profiles.put(profile);
  }
  const startAt = operatorReferenceTime + 12 * 3_600_000;
  const clock = new FakeClock(startAt);
  return { catalog, engine: createInMemoryEngine(profiles, catalog, clock), clock, startAt };
}

/** The real decision engine over in-memory stores and `clock`, with sequential offer ids. */
export function createInMemoryEngine(
  profiles: ProfileStore,
  catalog: DecisionCatalog,
  clock: FakeClock,
): DecisionEngine {
  return createDecisionEngine({
    profiles,
    offers: new InMemoryOfferStore(),
    outcomes: new InMemoryOutcomeStore(),
    scheduled: new InMemoryScheduledDeliveryStore(),
    clock,
    catalog,
    newOfferId: createSequentialIds('offer-'),
  });
}
