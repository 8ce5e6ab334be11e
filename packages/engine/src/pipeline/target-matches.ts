import type { CustomerProfile } from '@omnitouch/core';
import type { EngineState } from './engine-state';
import { evaluateRuleSet } from './rule-set-results';

/**
 * Evaluates the target rules of every case `eventType` triggers with the catalog's one generated
 * rule set (`targetRuleSetsByEventType`), into `state.targets` (`matches[k]` is 1 when case `k`'s
 * audience includes the customer). Returns `undefined` when the catalog has no set for the type
 * or the set threw (a rule failing at run time): callers then evaluate each case's own `target`,
 * only for the cases that get that far, exactly as before the sets existed.
 */
export function evaluateTargets(
  state: EngineState,
  eventType: string,
  caseCount: number,
  profile: CustomerProfile,
): Uint8Array | undefined {
  const set = state.catalog.targetRuleSetsByEventType?.get(eventType);
  if (set === undefined || set.size !== caseCount) {
    return undefined;
  }
  // The target rules see the profile only: audiences do not depend on the triggering event.
  return evaluateRuleSet(state, set, state.targets, profile, undefined);
}
