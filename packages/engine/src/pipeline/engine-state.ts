import {
  createFlowControl,
  createPropensityTable,
  type ContactPolicyInput,
  type CustomerEvent,
  type CustomerProfile,
  type DecisionCatalog,
  type FlowControl,
  type PropensityTable,
  tryTakeCapacity,
} from '@omnitouch/core';
import type { DecisionEngineDeps } from './decision-engine-api';
import { createRuleSetResults, type RuleSetResults } from './rule-set-results';

/** Days of contact history the global cap needs (a rolling 30 days). */
const GLOBAL_CAP_DAYS = 30;
/** A deferred contact is recorded at its delivery time, at most this much ahead (quiet hours cap at 72 h). */
const LONGEST_DEFERRAL_DAYS = 3;

/** The rule input every compiled rule reads; one per engine, refilled before each call. */
export interface RuleInputScratch {
  profile: CustomerProfile;
  event: CustomerEvent | undefined;
  now: number;
}

/** A `ContactPolicyInput` the engine refills for every evaluation instead of allocating one. */
export type ContactPolicyScratch = {
  -readonly [K in keyof ContactPolicyInput]: ContactPolicyInput[K];
};

/** Everything a pipeline stage reads or updates, shared by one engine's calls. */
export interface EngineState {
  readonly deps: DecisionEngineDeps;
  catalog: DecisionCatalog;
  /** Contact history kept on profiles: the longest cap window plus the longest deferral. */
  retentionDays: number;
  readonly propensities: PropensityTable;
  readonly flow: FlowControl;
  readonly newOfferId: () => string;
  /** The time of the call in progress; read by the arbitration's capacity callback. */
  now: number;
  /** The staff member deciding (`decide` only): a staffed touchpoint's capacity is per person. */
  staffId: string | undefined;
  readonly ruleInput: RuleInputScratch;
  readonly policyInput: ContactPolicyScratch;
  /** Results of the event type's target rule set (audiences) for the event in progress. */
  readonly targets: RuleSetResults;
  /** Results of the event type's trigger-condition set for the event in progress. */
  readonly triggers: RuleSetResults;
  /** Arbitration's scratch (route scores, ranking, routes picked), reused by every call. */
  ranking: {
    readonly scores: Float64Array;
    readonly order: Uint32Array;
    readonly picked: Uint32Array;
  };
  /** Arbitration options built once, so no closure is created per event. */
  readonly arbitration: { perTouchpointLimit: number; hasCapacity(touchpointId: string): boolean };
}

/** The state of a new engine over `deps`, with `deps.catalog` loaded. */
export function createEngineState(deps: DecisionEngineDeps): EngineState {
  const state: EngineState = {
    deps,
    catalog: deps.catalog,
    retentionDays: retentionDaysFor(deps.catalog),
    propensities: createPropensityTable(deps.propensityPrior ?? { alpha: 1, beta: 1 }),
    flow: createFlowControl(),
    newOfferId: deps.newOfferId ?? (() => globalThis.crypto.randomUUID()),
    now: deps.clock.now(),
    staffId: undefined,
    // Placeholders: every stage fills the scratch inputs completely before use.
    ruleInput: { profile: undefined as unknown as CustomerProfile, event: undefined, now: 0 },
    // Every field from the start, in the order `evaluateRoute` fills them: one hidden class.
    policyInput: {
      policy: deps.catalog.contactPolicy,
      profile: undefined,
      touchpoint: undefined,
      strategy: undefined,
      marketingCase: undefined,
      now: 0,
      inContact: false,
    } as unknown as ContactPolicyScratch,
    targets: createRuleSetResults(),
    triggers: createRuleSetResults(),
    ranking: {
      scores: new Float64Array(16),
      order: new Uint32Array(16),
      picked: new Uint32Array(16),
    },
    arbitration: {
      perTouchpointLimit: deps.catalog.contactPolicy.offersPerInteraction,
      hasCapacity: (touchpointId) => hasCapacity(state, touchpointId),
    },
  };
  return state;
}

/**
 * Takes one contact of the touchpoint's per-minute capacity, if it has a limit and tokens left. A
 * staffed touchpoint's limit is per staff member, so its bucket is keyed `touchpointId/staffId`.
 */
function hasCapacity(state: EngineState, touchpointId: string): boolean {
  const touchpoint = state.catalog.touchpoints.get(touchpointId);
  const perMinute = touchpoint?.capacityPerMinute;
  if (perMinute === undefined) {
    return true;
  }
  const key =
    touchpoint?.staffed === true && state.staffId !== undefined
      ? `${touchpointId}/${state.staffId}`
      : touchpointId;
  return tryTakeCapacity(state.flow, key, perMinute, state.now);
}

/** Swaps in a new catalog: the next call sees it whole. */
export function loadCatalogInto(state: EngineState, catalog: DecisionCatalog): void {
  state.catalog = catalog;
  state.retentionDays = retentionDaysFor(catalog);
}

/** The longest window any cap of `catalog` looks back over, plus room for deferred contacts. */
function retentionDaysFor(catalog: DecisionCatalog): number {
  let days = GLOBAL_CAP_DAYS;
  for (const cap of Object.values(catalog.contactPolicy.perTouchpoint)) {
    days = Math.max(days, cap.periodDays);
  }
  for (const compiled of catalog.cases.values()) {
    days = Math.max(days, compiled.definition.caps.perCustomer?.periodDays ?? 0);
  }
  return days + LONGEST_DEFERRAL_DAYS;
}
