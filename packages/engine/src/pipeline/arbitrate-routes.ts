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
  const { scores, order, picked } = rankRoutes(state, routes);
  let pickedCount = 0;
  let withoutCapacity: string[] | undefined;
  for (let r = 0; r < routes.length; r++) {
    const index = order[r] as number;
    const route = routes[index] as R;
    const touchpointId = route.touchpoint.id;
    const caseId = route.compiled.definition.id;
    if (!canStillChoose(routes, picked, pickedCount, caseId, touchpointId, perTouchpointLimit)) {
      traceRejected(trace, route, 'outranked', scores[index] as number);
    } else if (
      withoutCapacity?.includes(touchpointId) === true ||
      !state.arbitration.hasCapacity(touchpointId)
    ) {
      (withoutCapacity ??= []).push(touchpointId);
      traceRejected(trace, route, 'capacity', scores[index] as number);
    } else {
      picked[pickedCount++] = index;
    }
  }
  // Built at its final length: an array grown by pushes keeps room for 17.
  const chosen = new Array<ChosenRoute<R>>(pickedCount);
  for (let p = 0; p < pickedCount; p++) {
    const index = picked[p] as number;
    chosen[p] = { route: routes[index] as R, score: scores[index] as number };
  }
  return chosen;
}

/**
 * Ranks `routes` into the engine's reusable scratch (grown when too short): `order[0…n)` holds
 * their indexes best first, by `compareCandidates`' order (score descending, then case id, then
 * touchpoint id), and `scores[i]` route `i`'s score. A stable insertion sort, as `rankCandidates`
 * for the handful of routes one call has.
 */
function rankRoutes(state: EngineState, routes: readonly Routed[]): EngineState['ranking'] {
  if (state.ranking.scores.length < routes.length) {
    const size = Math.max(routes.length, 2 * state.ranking.scores.length);
    state.ranking = {
      scores: new Float64Array(size),
      order: new Uint32Array(size),
      picked: new Uint32Array(size),
    };
  }
  const { scores, order } = state.ranking;
  for (let i = 0; i < routes.length; i++) {
    scores[i] = rankingScore(state, routes[i] as Routed);
    let at = i;
    while (at > 0 && compareRanked(routes, scores, order[at - 1] as number, i) > 0) {
      order[at] = order[at - 1] as number;
      at -= 1;
    }
    order[at] = i;
  }
  return state.ranking;
}

function compareRanked(
  routes: readonly Routed[],
  scores: Float64Array,
  a: number,
  b: number,
): number {
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

/** Neither the case already picked nor the touchpoint's slots all taken (as `arbitrateOffers`). */
function canStillChoose(
  routes: readonly Routed[],
  picked: Uint32Array,
  pickedCount: number,
  caseId: string,
  touchpointId: string,
  perTouchpointLimit: number,
): boolean {
  let slotsUsed = 0;
  for (let p = 0; p < pickedCount; p++) {
    const other = routes[picked[p] as number] as Routed;
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
