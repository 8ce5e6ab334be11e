/** Trials observed for one (case, touchpoint) pair. */
export interface PropensityTrials {
  trials: number;
  successes: number;
}

/**
 * Learned acceptance rates: a Beta(`alpha`, `beta`) prior per (case, touchpoint) updated with
 * Bernoulli trials. Nested maps keyed by case then touchpoint, so a lookup builds no key string.
 */
export interface PropensityTable {
  readonly alpha: number;
  readonly beta: number;
  readonly byCase: Map<string, Map<string, PropensityTrials>>;
}

/**
 * An empty table with a Beta prior; α = 1, β = 19 starts every pair at a 5 % acceptance rate worth
 * 20 trials of evidence. Throws unless both are positive and finite (an improper prior is a bug).
 */
export function createPropensityTable(prior: { alpha: number; beta: number }): PropensityTable {
  const { alpha, beta } = prior;
  if (!(alpha > 0 && beta > 0 && Number.isFinite(alpha) && Number.isFinite(beta))) {
    throw new RangeError(`a Beta prior needs alpha > 0 and beta > 0, got ${alpha}, ${beta}`);
  }
  return { alpha, beta, byCase: new Map() };
}

/** Posterior mean acceptance rate (α + successes) / (α + β + trials), in (0, 1). */
export function propensityOf(table: PropensityTable, caseId: string, touchpointId: string): number {
  const observed = table.byCase.get(caseId)?.get(touchpointId);
  const trials = observed?.trials ?? 0;
  const successes = observed?.successes ?? 0;
  return (table.alpha + successes) / (table.alpha + table.beta + trials);
}

/** Adds one presentation of the case on the touchpoint; `success` when it was accepted. */
export function recordTrial(
  table: PropensityTable,
  caseId: string,
  touchpointId: string,
  success: boolean,
): void {
  let byTouchpoint = table.byCase.get(caseId);
  if (byTouchpoint === undefined) {
    byTouchpoint = new Map();
    table.byCase.set(caseId, byTouchpoint);
  }
  const observed = byTouchpoint.get(touchpointId);
  if (observed === undefined) {
    byTouchpoint.set(touchpointId, { trials: 1, successes: success ? 1 : 0 });
    return;
  }
  observed.trials += 1;
  observed.successes += success ? 1 : 0;
}
