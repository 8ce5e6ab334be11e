import {
  arbitrateOffers,
  propensityOf,
  type ArbitrationCandidate,
  type ScoredCandidate,
} from '@omnitouch/core';
import type { Route } from './choose-route';
import type { EngineState } from './engine-state';
import { addTrace, type Trace } from './trace';

/** What arbitration needs to know about a route: the case and the touchpoint it would use. */
type Routed = Pick<Route, 'compiled' | 'touchpoint'>;

/** A route that won arbitration, with its score (propensity × value × context × lever). */
export interface ChosenRoute<R> {
  readonly route: R;
  readonly score: number;
}

function candidateFor(state: EngineState, route: Routed): ArbitrationCandidate {
  const definition = route.compiled.definition;
  const touchpointId = route.touchpoint.id;
  return {
    caseId: definition.id,
    touchpointId,
    propensity: propensityOf(state.propensities, definition.id, touchpointId),
    value: definition.value,
    contextWeight: route.touchpoint.contextWeight ?? 1,
    lever: definition.priority,
  };
}

/** The arbitration score of a route outside arbitration (a held offer): P × V × C × L. */
export function scoreRoute(state: EngineState, route: Routed): number {
  const definition = route.compiled.definition;
  const propensity = propensityOf(state.propensities, definition.id, route.touchpoint.id);
  return (
    propensity * definition.value * (route.touchpoint.contextWeight ?? 1) * definition.priority
  );
}

/**
 * Ranks the routes (one per case) and keeps at most `perTouchpointLimit` per touchpoint that still
 * have capacity (taking a flow-control token for each kept); traces the losers as `outranked` or
 * `capacity`. Chosen routes come best first.
 */
export function arbitrateRoutes<R extends Routed>(
  state: EngineState,
  routes: readonly R[],
  perTouchpointLimit: number,
  trace: Trace,
): ChosenRoute<R>[] {
  const candidates = new Array<ArbitrationCandidate>(routes.length);
  for (let i = 0; i < routes.length; i++) {
    candidates[i] = candidateFor(state, routes[i] as R);
  }
  state.arbitration.perTouchpointLimit = perTouchpointLimit;
  const result = arbitrateOffers(candidates, state.arbitration);
  const chosen = new Array<ChosenRoute<R>>(result.chosen.length);
  for (let i = 0; i < chosen.length; i++) {
    const winner = result.chosen[i] as ScoredCandidate;
    chosen[i] = { route: routeOf(routes, winner.caseId), score: winner.score };
  }
  if (trace !== undefined) {
    for (const { candidate, reason } of result.rejected) {
      addTrace(trace, candidate.caseId, reason, candidate.touchpointId, { score: candidate.score });
    }
  }
  return chosen;
}

/**
 * The route of a chosen case. A scan, not a Map: one event yields a handful of routes, and each
 * case has at most one (one route per case at ingest, one open offer per case at decide).
 */
function routeOf<R extends Routed>(routes: readonly R[], caseId: string): R {
  for (const route of routes) {
    if (route.compiled.definition.id === caseId) {
      return route;
    }
  }
  throw new Error(`arbitration chose case ${caseId}, which was not a candidate`);
}
