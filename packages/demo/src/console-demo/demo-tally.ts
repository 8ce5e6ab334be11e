import type { Decision, DecisionAction, DecisionCatalog, ReasonCode } from '@omnitouch/core';
import { notApplicableReasons } from './reason-labels';

/** Running counts of what the demo's engine did, for the closing summary. */
export interface DemoTally {
  events: number;
  rejected: number;
  /** Decisions with at least one action (an offer delivered, deferred or held). */
  eventsWithOffer: number;
  deliveriesByTouchpoint: Map<string, number>;
  deferred: number;
  held: number;
  /** Held offers presented later when the customer came in (decide at an inbound touchpoint). */
  heldPresented: number;
  /** Deferred contacts delivered once due (quiet hours over, strategy delay passed). */
  dueDelivered: number;
  /** Deferred contacts dropped when due because the offer was presented elsewhere meanwhile. */
  dueSkipped: number;
  suppressions: Map<ReasonCode, number>;
  /** Disturbing contacts per customer id. */
  disturbances: Map<string, number>;
  outcomes: Map<string, number>;
  /** Wall-clock ms spent inside the engine. */
  engineMs: number;
}

/** All counts at zero. */
export function createDemoTally(): DemoTally {
  return {
    events: 0,
    rejected: 0,
    eventsWithOffer: 0,
    deliveriesByTouchpoint: new Map(),
    deferred: 0,
    held: 0,
    heldPresented: 0,
    dueDelivered: 0,
    dueSkipped: 0,
    suppressions: new Map(),
    disturbances: new Map(),
    outcomes: new Map(),
    engineMs: 0,
  };
}

const increment = <K>(map: Map<K, number>, key: K, by = 1): void => {
  map.set(key, (map.get(key) ?? 0) + by);
};

/** Counts an ingest decision: its actions, and the suppression reasons in its trace. */
export function tallyIngest(tally: DemoTally, decision: Decision, catalog: DecisionCatalog): void {
  tally.events++;
  if (decision.actions.length > 0) {
    tally.eventsWithOffer++;
  }
  for (const action of decision.actions) {
    tallyAction(tally, action, catalog);
  }
  for (const entry of decision.trace ?? []) {
    if (!notApplicableReasons.has(entry.reason) && !isProgress(entry.reason)) {
      increment(tally.suppressions, entry.reason);
    }
  }
}

/** Counts one action; a `deliver` on a disturbing touchpoint counts against the customer. */
export function tallyAction(
  tally: DemoTally,
  action: DecisionAction,
  catalog: DecisionCatalog,
): void {
  switch (action.kind) {
    case 'hold':
      tally.held++;
      return;
    case 'defer':
      tally.deferred++;
      return;
    case 'deliver': {
      increment(tally.deliveriesByTouchpoint, action.touchpointId);
      const touchpoint = catalog.touchpoints.get(action.touchpointId);
      const transactional =
        catalog.cases.get(action.offer.caseId)?.definition.transactional === true;
      if (touchpoint?.isDisturbance === true && !transactional) {
        increment(tally.disturbances, action.offer.customerId);
      }
      return;
    }
    default: {
      const unreachable: never = action;
      throw new Error(`unknown action ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Counts a simulated customer response that the engine accepted. */
export function tallyOutcome(tally: DemoTally, outcome: string): void {
  increment(tally.outcomes, outcome);
}

/** Trace reasons that record progress (chosen, deferred, held), not a suppression. */
function isProgress(reason: ReasonCode): boolean {
  return reason === 'chosen' || reason === 'deferred' || reason === 'held-for-inbound';
}
