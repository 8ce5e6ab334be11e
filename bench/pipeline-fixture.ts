import {
  compileDecisionCatalog,
  type CatalogSnapshot,
  type CustomerEvent,
  type DecisionCatalog,
} from '@omnitouch/core';
import {
  createInMemoryEngine,
  generateEventStream,
  generateOperatorCatalog,
  generatePopulation,
  operatorReferenceTime,
} from '@omnitouch/demo';
import type { DecisionEngine, ProfileStore } from '@omnitouch/engine';
import { FakeClock, InMemoryProfileStore } from '@omnitouch/testkit';

/** The reference operator's catalog and a pre-generated event stream over its customers. */
export interface OperatorWorkload {
  readonly snapshot: CatalogSnapshot;
  readonly catalog: DecisionCatalog;
  readonly customers: number;
  /** When the stream starts: 10:00 China time, the daytime path (quiet hours defer most at night). */
  readonly startAt: number;
  readonly events: readonly CustomerEvent[];
  readonly setupMs: { readonly catalog: number; readonly events: number };
}

/** An engine with its clock and the events to feed it: what a timed pass runs. */
export interface EngineUnderLoad {
  readonly engine: DecisionEngine;
  readonly clock: FakeClock;
  readonly events: readonly CustomerEvent[];
}

/** The reference operator wired to the real engine over testkit's in-memory adapters. */
export interface PipelineFixture extends EngineUnderLoad {
  readonly setupMs: {
    readonly catalog: number;
    readonly profiles: number;
    readonly events: number;
  };
}

/**
 * Builds the synthetic operator (1,200 tags, 112 event types, 1,000 live cases) and pre-generates
 * `eventCount` events over `customers` customers at `eventsPerSecond` of stream time from 10:00
 * China time, so nothing but the engine runs inside a timed loop.
 */
export function buildOperatorWorkload(
  customers: number,
  eventCount: number,
  eventsPerSecond: number,
): OperatorWorkload {
  let started = performance.now();
  const snapshot = generateOperatorCatalog({ seed: 2026 });
  const compiled = compileDecisionCatalog(snapshot);
  if (!compiled.ok) {
    throw new Error(
      `the synthetic catalog does not compile: ${JSON.stringify(compiled.issues[0])}`,
    );
  }
  const catalogMs = performance.now() - started;
  started = performance.now();
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
  return {
    snapshot,
    catalog: compiled.value,
    customers,
    startAt,
    events,
    setupMs: { catalog: catalogMs, events: performance.now() - started },
  };
}

/** Puts the workload's population (the same customers for every call) into `profiles`. */
export function loadPopulation(profiles: ProfileStore, workload: OperatorWorkload): void {
  for (const profile of generatePopulation({
    seed: 2026,
    customers: workload.customers,
    catalog: workload.snapshot,
    tagIndex: workload.catalog.tagIndex,
  })) {
    profiles.put(profile);
  }
}

/** `buildOperatorWorkload` with its population loaded into the engine of the in-memory demo. */
export function buildPipelineFixture(
  customers: number,
  eventCount: number,
  eventsPerSecond: number,
): PipelineFixture {
  const workload = buildOperatorWorkload(customers, eventCount, eventsPerSecond);
  const started = performance.now();
  const profiles = new InMemoryProfileStore();
  loadPopulation(profiles, workload);
  const profilesMs = performance.now() - started;
  const clock = new FakeClock(workload.startAt);
  return {
    engine: createInMemoryEngine(profiles, workload.catalog, clock),
    clock,
    events: workload.events,
    setupMs: { ...workload.setupMs, profiles: profilesMs },
  };
}

export interface PassResult {
  readonly events: number;
  readonly seconds: number;
  /** CPU time of the whole process (all threads, GC helpers included) during the pass. */
  readonly cpuSeconds: number;
  readonly actions: number;
  readonly eventsWithOffer: number;
  readonly rejected: number;
}

/** Ingests `events[from, to)` untimed per event; stops early once `budgetMs` is spent. */
export function ingestPass(
  load: EngineUnderLoad,
  from: number,
  to: number,
  budgetMs: number,
): PassResult {
  const { engine, clock, events } = load;
  let actions = 0;
  let eventsWithOffer = 0;
  let rejected = 0;
  let i = from;
  const cpuStarted = process.cpuUsage();
  const started = process.hrtime.bigint();
  const deadline = Number.isFinite(budgetMs)
    ? started + BigInt(Math.round(budgetMs * 1e6))
    : BigInt(Number.MAX_SAFE_INTEGER) * 1_000_000n;
  for (; i < to; i++) {
    const event = events[i];
    if (event === undefined) {
      break;
    }
    clock.set(event.occurredAt);
    const decision = engine.ingest(event);
    if (!decision.ok) {
      rejected++;
    } else if (decision.value.actions.length > 0) {
      eventsWithOffer++;
      actions += decision.value.actions.length;
    }
    // Checking the clock every 4,096 events keeps its cost out of the figure.
    if ((i & 4095) === 0 && process.hrtime.bigint() > deadline) {
      i++;
      break;
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { events: i - from, seconds, cpuSeconds, actions, eventsWithOffer, rejected };
}
