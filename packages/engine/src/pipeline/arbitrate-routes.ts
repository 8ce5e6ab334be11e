import { propensityOf } from '@omnitouch/core';
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

/** The arbitration score of a route outside arbitration (a held offer): P × V × C × L. */
export function scoreRoute(state: EngineState, route: Routed): number {
  const definition = route.compiled.definition;
  const propensity = propensityOf(state.propensities, definition.id, route.touchpoint.id);
  return (
    propensity * definition.value * (route.touchpoint.contextWeight ?? 1) * definition.priority
  );
}

/** The score arbitration ranks by: as `scoreCandidate`, NaN (which has no order) scores 0. */
function rankingScore(state: EngineState, route: Routed): number {
  const score = scoreRoute(state, route);
  return Number.isNaN(score) ? 0 : score;
}

/**
 * Ranks the routes (one per case) and keeps at most `perTouchpointLimit` per touchpoint that still
 * have capacity (taking a flow-control token for each kept); traces the losers as `outranked` or
 * `capacity`. Chosen routes come best first.
 *
 * This is the core's `arbitrateOffers` over routes, decision for decision (the same ranking, the
 * same greedy choice, `hasCapacity` asked in the same order), without copying every route into a
 * scored candidate and collecting result lists: it runs for most events and those copies were a
 * visible share of the garbage an event leaves.
 */
export function arbitrateRoutes<R extends Routed>(
  state: EngineState,
  routes: readonly R[],
  perTouchpointLimit: number,
  trace: Trace,
): ChosenRoute<R>[] {
  state.arbitration.perTouchpointLimit = perTouchpointLimit;
  const scores = new Array<number>(routes.length);
  const ranked = rankRoutes(state, routes, scores);
  const chosen: ChosenRoute<R>[] = [];
  let withoutCapacity: string[] | undefined;
  for (let r = 0; r < ranked.length; r++) {
    const index = ranked[r] as number;
    const route = routes[index] as R;
    const score = scores[index] as number;
    const touchpointId = route.touchpoint.id;
    if (!canStillChoose(chosen, route.compiled.definition.id, touchpointId, perTouchpointLimit)) {
      traceRejected(trace, route, 'outranked', score);
    } else if (
      withoutCapacity?.includes(touchpointId) === true ||
      !state.arbitration.hasCapacity(touchpointId)
    ) {
      (withoutCapacity ??= []).push(touchpointId);
      traceRejected(trace, route, 'capacity', score);
    } else {
      chosen.push({ route, score });
    }
  }
  return chosen;
}

/**
 * Indexes of `routes` best first, by `compareCandidates`' order (score descending, then case id,
 * then touchpoint id); fills `scores[i]`. A stable insertion sort, as `rankCandidates` for the
 * handful of routes one call has.
 */
function rankRoutes(state: EngineState, routes: readonly Routed[], scores: number[]): number[] {
  const ranked: number[] = [];
  for (let i = 0; i < routes.length; i++) {
    scores[i] = rankingScore(state, routes[i] as Routed);
    let at = ranked.length;
    ranked.push(i);
    while (at > 0 && compareRanked(routes, scores, ranked[at - 1] as number, i) > 0) {
      ranked[at] = ranked[at - 1] as number;
      at -= 1;
    }
    ranked[at] = i;
  }
  return ranked;
}

function compareRanked(routes: readonly Routed[], scores: number[], a: number, b: number): number {
  const left = routes[a] as Routed;
  const right = routes[b] as Routed;
  return (
    (scores[b] as number) - (scores[a] as number) ||
    compareIds(left.compiled.definition.id, right.compiled.definition.id) ||
    compareIds(left.touchpoint.id, right.touchpoint.id)
  );
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Neither the case already chosen nor the touchpoint's slots all taken (as `arbitrateOffers`). */
function canStillChoose(
  chosen: readonly ChosenRoute<Routed>[],
  caseId: string,
  touchpointId: string,
  perTouchpointLimit: number,
): boolean {
  let slotsUsed = 0;
  for (let i = 0; i < chosen.length; i++) {
    const other = (chosen[i] as ChosenRoute<Routed>).route;
    if (other.compiled.definition.id === caseId) {
      return false;
    }
    slotsUsed += other.touchpoint.id === touchpointId ? 1 : 0;
  }
  return slotsUsed < perTouchpointLimit;
}

function traceRejected(
  trace: Trace,
  route: Routed,
  reason: 'outranked' | 'capacity',
  score: number,
): void {
  if (trace !== undefined) {
    addTrace(trace, route.compiled.definition.id, reason, route.touchpoint.id, { score });
  }
}
