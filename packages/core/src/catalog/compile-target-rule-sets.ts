import { compileProfileRuleSet, type ProfileRuleSet, type RuleScope } from '../rule/index';
import type { CompiledCase } from './decision-catalog';

/**
 * Per event type, the target rules of its triggered cases as one `ProfileRuleSet`: rule `k` is
 * the target of `casesByEventType.get(type)[k]`, so one `evaluate` answers every case an event
 * can match. Each rule already compiled alone in `targetScope`, so this cannot throw.
 */
export function compileTargetRuleSets(
  casesByEventType: ReadonlyMap<string, readonly CompiledCase[]>,
  targetScope: RuleScope,
): Map<string, ProfileRuleSet> {
  const sets = new Map<string, ProfileRuleSet>();
  for (const [eventType, cases] of casesByEventType) {
    const rules = cases.map((entry) => entry.definition.targetRule);
    sets.set(eventType, compileProfileRuleSet(rules, targetScope));
  }
  return sets;
}
