import { compileDecisionCatalog, type CustomerEvent } from '@omnitouch/core';
import {
  createInMemoryEngine,
  generateEventStream,
  generateOperatorCatalog,
  generatePopulation,
  operatorReferenceTime,
} from '@omnitouch/demo';
import type { DecisionEngine } from '@omnitouch/engine';
import { FakeClock, InMemoryProfileStore } from '@omnitouch/testkit';

/** The reference operator wired to the real engine over testkit's in-memory adapters. */
export interface PipelineFixture {
  readonly engine: DecisionEngine;
  readonly clock: FakeClock;
  readonly events: readonly CustomerEvent[];
  readonly setupMs: {
    readonly catalog: number;
    readonly profiles: number;
    readonly events: number;
  };
}

/**
 * Builds the synthetic operator (1,200 tags, 112 event types, 1,000 live cases), loads
 * `customers` profiles and pre-generates `eventCount` events at `eventsPerSecond` of stream time
 * from 10:00 China time, so nothing but the engine runs inside the timed loop.
 */
export function buildPipelineFixture(
  customers: number,
  eventCount: number,
  eventsPerSecond: number,
): PipelineFixture {
  let started = performance.now();
  const snapshot = generateOperatorCatalog({ seed: 2026 });
  const compiled = compileDecisionCatalog(snapshot);
  if (!compiled.ok) {
    throw new Error(
      `the synthetic catalog does not compile: ${JSON.stringify(compiled.issues[0])}`,
    );
  }
  const catalog = compiled.value;
  const catalogMs = performance.now() - started;
  started = performance.now();
  const profiles = new InMemoryProfileStore();
  for (const profile of generatePopulation({
    seed: 2026,
    customers,
    catalog: snapshot,
    tagIndex: catalog.tagIndex,
  })) {
    profiles.put(profile);
  }
  const profilesMs = performance.now() - started;
  started = performance.now();
  // 10:00 local time: the daytime path (quiet hours would defer most outbound contacts).
  const startAt = operatorReferenceTime + 10 * 3_600_000;
  const events = [
    ...generateEventStream({
      seed: 2026,
      catalog: snapshot,
      customers,
      startAt,
      eventsPerSecond,
      count: eventCount,
    }),
  ];
  const eventsMs = performance.now() - started;
  const clock = new FakeClock(startAt);
  const engine = createInMemoryEngine(profiles, catalog, clock);
  return {
    engine,
    clock,
    events,
    setupMs: { catalog: catalogMs, profiles: profilesMs, events: eventsMs },
  };
}
