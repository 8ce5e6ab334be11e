import {
  compileDecisionCatalog,
  type CatalogSnapshot,
  type CustomerEvent,
  type DecisionAction,
  type DecisionCatalog,
  type TagIndex,
  type TraceEntry,
} from '@omnitouch/core';
import { createDecisionEngine, type DecisionEngine, type OutcomeInput } from '@omnitouch/engine';
import { expect } from 'vitest';
import { FakeClock } from '../clock/fake-clock';
import { buildCatalogSnapshot } from '../factories/catalog-snapshot.factory';
import { buildCustomerEvent } from '../factories/customer-event.factory';
import { createSequentialIds } from '../ids/sequential-ids';
import { InMemoryOfferStore } from '../in-memory/in-memory-offer-store';
import { InMemoryOutcomeStore } from '../in-memory/in-memory-outcome-store';
import { InMemoryProfileStore } from '../in-memory/in-memory-profile-store';
import { InMemoryScheduledDeliveryStore } from '../in-memory/in-memory-scheduled-delivery-store';
import { storeScenarioProfile, type ScenarioProfile } from './scenario-profile';

/** An action as a scenario expects it: the fields given must match, in the order given. */
export interface ExpectedAction {
  readonly kind: DecisionAction['kind'];
  readonly caseId: string;
  readonly touchpointId?: string;
  readonly offerId?: string;
  /** For `defer`: epoch ms. */
  readonly deliverAt?: number;
}

/**
 * One step of a scenario table. Actions (`ingest`, `decide`, `takeDueDeliveries`, `recordOutcome`)
 * set the "last result" that the `expect…` steps check. `ingest` fills unspecified event fields
 * from `buildCustomerEvent`, with `occurredAt` = the clock's now.
 */
export type ScenarioStep =
  | { readonly ingest: Partial<CustomerEvent>; readonly explain?: boolean }
  | { readonly advanceClock: number }
  | { readonly setClock: number }
  | {
      readonly decide: {
        readonly touchpointId: string;
        readonly customerId?: string;
        readonly staffId?: string;
        readonly limit?: number;
      };
      readonly explain?: boolean;
    }
  | { readonly takeDueDeliveries: { readonly limit?: number } }
  | { readonly recordOutcome: OutcomeInput }
  | { readonly loadCatalog: Partial<CatalogSnapshot> }
  | { readonly expectActions: readonly ExpectedAction[] }
  /** Entries that must appear in the last result's trace (or skipped list), each matched partially. */
  | { readonly expectTrace: readonly Partial<TraceEntry>[] }
  /** The last result was rejected with issues on exactly these fields. */
  | { readonly expectRejected: readonly string[] }
  | { readonly expectProfile: { readonly customerId?: string; readonly matches: object } };

/** A scenario table row: a catalog (the factory one with these overrides), stored profiles, steps. */
export interface PipelineScenario {
  readonly description: string;
  readonly catalog?: Partial<CatalogSnapshot>;
  readonly profiles?: readonly ScenarioProfile[];
  readonly steps: readonly ScenarioStep[];
}

/** What a scenario ran on, for assertions beyond the step language. */
export interface ScenarioContext {
  readonly engine: DecisionEngine;
  readonly clock: FakeClock;
  readonly profiles: InMemoryProfileStore;
  readonly offers: InMemoryOfferStore;
  readonly outcomes: InMemoryOutcomeStore;
  readonly scheduled: InMemoryScheduledDeliveryStore;
}

interface LastResult {
  actions: readonly DecisionAction[];
  trace: readonly TraceEntry[];
  rejectedFields: readonly string[] | undefined;
}

/** Compiles the factory catalog with `overrides`, failing the test with every issue if invalid. */
export function compileScenarioCatalog(
  overrides: Partial<CatalogSnapshot> = {},
  previous?: TagIndex,
): DecisionCatalog {
  const compiled = compileDecisionCatalog(buildCatalogSnapshot(overrides), previous);
  if (!compiled.ok) {
    throw new Error(`scenario catalog is invalid: ${JSON.stringify(compiled.issues)}`);
  }
  return compiled.value;
}

/**
 * Runs a scenario (dittofeed TableTest style) on the real pipeline over in-memory stores and a
 * `FakeClock`; offer ids are `offer-1`, `offer-2`... in creation order.
 */
export function runPipelineScenario(scenario: PipelineScenario): ScenarioContext {
  let catalog = compileScenarioCatalog(scenario.catalog);
  const stores = {
    clock: new FakeClock(),
    profiles: new InMemoryProfileStore(),
    offers: new InMemoryOfferStore(),
    outcomes: new InMemoryOutcomeStore(),
    scheduled: new InMemoryScheduledDeliveryStore(),
  };
  const newOfferId = createSequentialIds('offer');
  const engine = createDecisionEngine({ ...stores, catalog, newOfferId });
  const context: ScenarioContext = { ...stores, engine };
  for (const profile of scenario.profiles ?? []) {
    storeScenarioProfile(context.profiles, profile, catalog.tagIndex);
  }
  const last: LastResult = { actions: [], trace: [], rejectedFields: undefined };
  scenario.steps.forEach((step, index) => {
    const where = `step ${index} ${JSON.stringify(step)}`;
    if ('loadCatalog' in step) {
      catalog = compileScenarioCatalog(step.loadCatalog, catalog.tagIndex);
      engine.loadCatalog(catalog);
    } else {
      runStep(context, step, last, where);
    }
  });
  return context;
}

function runStep(
  context: ScenarioContext,
  step: ScenarioStep,
  last: LastResult,
  where: string,
): void {
  const { engine, clock } = context;
  if ('ingest' in step) {
    const event = buildCustomerEvent({ occurredAt: clock.now(), ...step.ingest });
    keep(last, engine.ingest(event, { explain: step.explain ?? true }));
  } else if ('advanceClock' in step) {
    clock.advance(step.advanceClock);
  } else if ('setClock' in step) {
    clock.set(step.setClock);
  } else if ('decide' in step) {
    const request = { customerId: 'customer-1', ...step.decide, explain: step.explain ?? true };
    keep(last, engine.decide(request));
  } else if ('takeDueDeliveries' in step) {
    const due = engine.takeDueDeliveries(clock.now(), step.takeDueDeliveries.limit ?? 100);
    Object.assign(last, { actions: due.actions, trace: due.skipped, rejectedFields: undefined });
  } else if ('recordOutcome' in step) {
    const result = engine.recordOutcome(step.recordOutcome);
    Object.assign(last, {
      actions: [],
      trace: [],
      rejectedFields: result.ok ? undefined : fieldsOf(result.issues),
    });
  } else {
    checkStep(context, step, last, where);
  }
}

function checkStep(
  context: ScenarioContext,
  step: ScenarioStep,
  last: LastResult,
  where: string,
): void {
  if ('expectActions' in step) {
    expect(last.rejectedFields, where).toBeUndefined();
    expect(last.actions.map(projectAction), where).toMatchObject(step.expectActions);
  } else if ('expectTrace' in step) {
    expect(last.trace, where).toEqual(
      expect.arrayContaining(
        step.expectTrace.map((entry) => expect.objectContaining(entry) as unknown),
      ),
    );
  } else if ('expectRejected' in step) {
    expect(last.rejectedFields, where).toEqual(step.expectRejected);
  } else if ('expectProfile' in step) {
    const profile = context.profiles.get(step.expectProfile.customerId ?? 'customer-1');
    expect(profile, where).toMatchObject(step.expectProfile.matches);
  }
}

function keep(
  last: LastResult,
  result:
    | { ok: true; value: { actions: readonly DecisionAction[]; trace?: readonly TraceEntry[] } }
    | { ok: false; issues: readonly { field: string }[] },
): void {
  if (result.ok) {
    Object.assign(last, {
      actions: result.value.actions,
      trace: result.value.trace ?? [],
      rejectedFields: undefined,
    });
  } else {
    Object.assign(last, { actions: [], trace: [], rejectedFields: fieldsOf(result.issues) });
  }
}

function fieldsOf(issues: readonly { field: string }[]): string[] {
  return issues.map((issue) => issue.field);
}

function projectAction(action: DecisionAction): ExpectedAction {
  const { kind, offer } = action;
  switch (kind) {
    case 'hold':
      return { kind, caseId: offer.caseId, offerId: offer.offerId };
    case 'defer':
      return {
        kind,
        caseId: offer.caseId,
        offerId: offer.offerId,
        touchpointId: action.touchpointId,
        deliverAt: action.deliverAt,
      };
    case 'deliver':
      return {
        kind,
        caseId: offer.caseId,
        offerId: offer.offerId,
        touchpointId: action.touchpointId,
      };
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown action ${String(unreachable)}`);
    }
  }
}
