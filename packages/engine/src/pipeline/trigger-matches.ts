import {
  compileProfileRuleSet,
  type CompiledCase,
  type CustomerEvent,
  type CustomerProfile,
  type DecisionCatalog,
  type ProfileRuleSet,
} from '@omnitouch/core';
import type { EngineState } from './engine-state';
import { evaluateRuleSet } from './rule-set-results';

/** Stands for "no condition" in a trigger set: JSON Logic `true` holds for every event. */
const always = true;

/**
 * Per catalog, per event type, the trigger conditions of the cases that type triggers as one rule
 * set (`null`: no case of the type has a condition). Built on an event type's first event, so a
 * catalog swap needs nothing but a new key; the catalog is immutable once compiled.
 */
const triggerSetsByCatalog = new WeakMap<DecisionCatalog, Map<string, ProfileRuleSet | null>>();

/**
 * Evaluates the trigger conditions of every case `event`'s type triggers in one generated rule
 * set, into `state.triggers` (`matches[k]` is 1 when case `k`'s condition holds, or it has none).
 * Returns `undefined` when no case of the type has a condition or the set threw (a condition
 * failing at run time): callers then run each case's own `trigger`, only for the cases that get
 * that far, so an error surfaces exactly as before. Once this returned the results, no condition
 * of these cases can throw for this event, so a case whose audience excludes the customer may be
 * skipped without running its condition.
 */
export function evaluateTriggers(
  state: EngineState,
  cases: readonly CompiledCase[],
  profile: CustomerProfile,
  event: CustomerEvent,
): Uint8Array | undefined {
  const set = triggerSetFor(state.catalog, event.type, cases);
  if (set === null || set.size !== cases.length) {
    return undefined;
  }
  return evaluateRuleSet(state, set, state.triggers, profile, event);
}

function triggerSetFor(
  catalog: DecisionCatalog,
  eventType: string,
  cases: readonly CompiledCase[],
): ProfileRuleSet | null {
  let sets = triggerSetsByCatalog.get(catalog);
  if (sets === undefined) {
    sets = new Map();
    triggerSetsByCatalog.set(catalog, sets);
  }
  let set = sets.get(eventType);
  if (set === undefined) {
    set = compileTriggerSet(catalog, eventType, cases);
    sets.set(eventType, set);
  }
  return set;
}

/**
 * Every condition already compiled alone in its event type's scope; the catalog's full tag index
 * and attribute map hold everything that scope does, so they compile to the same code here. Should
 * compiling fail anyway, the type keeps the per-case path (`null`).
 */
function compileTriggerSet(
  catalog: DecisionCatalog,
  eventType: string,
  cases: readonly CompiledCase[],
): ProfileRuleSet | null {
  const event = catalog.eventTypes.get(eventType);
  if (event === undefined || cases.every((entry) => entry.trigger === undefined)) {
    return null;
  }
  const conditions = cases.map((entry) =>
    entry.trigger === undefined ? always : (entry.definition.trigger.condition ?? always),
  );
  try {
    return compileProfileRuleSet(conditions, {
      tagIndex: catalog.tagIndex,
      attributes: catalog.attributes,
      eventTypes: catalog.eventTypes,
      event,
    });
  } catch {
    return null;
  }
}
