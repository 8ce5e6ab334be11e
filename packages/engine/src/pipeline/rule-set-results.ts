import type { CustomerEvent, CustomerProfile, ProfileRuleSet } from '@omnitouch/core';
import type { EngineState } from './engine-state';

/** One rule set's results for the event in progress, reused by every event (grown when too short). */
export interface RuleSetResults {
  /** `matches[k]` is 1 when rule `k` held. */
  matches: Uint8Array;
  /** How many rules held. */
  count: number;
}

export function createRuleSetResults(): RuleSetResults {
  return { matches: new Uint8Array(64), count: 0 };
}

/**
 * Runs `set` over the profile (and `event`, `undefined` for audiences, which do not depend on it)
 * into `results`; returns `results.matches`, or `undefined` when a rule threw at run time, so the
 * caller falls back to the per-case rules and an error surfaces where it would without sets.
 */
export function evaluateRuleSet(
  state: EngineState,
  set: ProfileRuleSet,
  results: RuleSetResults,
  profile: CustomerProfile,
  event: CustomerEvent | undefined,
): Uint8Array | undefined {
  if (results.matches.length < set.size) {
    results.matches = new Uint8Array(Math.max(set.size, 2 * results.matches.length));
  }
  const input = state.ruleInput;
  input.profile = profile;
  input.event = event;
  input.now = state.now;
  try {
    results.count = set.evaluate(input, results.matches);
  } catch {
    return undefined;
  }
  return results.matches;
}
