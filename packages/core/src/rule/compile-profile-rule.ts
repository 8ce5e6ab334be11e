import { countEvents, hasRealtimeTag } from '../customer-profile/index';
import { createContext, FunctionScope, linkFunction, type Emitted } from './codegen';
import { compileNode } from './compile-node';
import { jsonLogicRuntime } from './compile-rule';
import { InvalidRuleError } from './invalid-rule-error';
import { profileOperators } from './profile-operators';
import type { ProfileRule, RuleInput, RuleScope } from './rule-scope';
import { validateProfileRule } from './validate-profile-rule';

/**
 * The data JSON Logic operators other than `var` see at the top of a profile rule (`missing`):
 * the attributes, plus the event's properties under `event` in a trigger condition.
 */
function profileView(input: RuleInput): Record<string, unknown> {
  const view: Record<string, unknown> = { ...input.profile.attributes };
  if (input.event !== undefined) {
    view.event = input.event.properties;
  }
  return view;
}

/** The helpers generated profile-rule code (single rules and rule sets) refers to by name. */
export const profileRuleRuntime = {
  ...jsonLogicRuntime,
  hasRealtimeTag,
  countEvents,
  profileView,
  /** What a rule set's lazily read local holds before its first read (see `HoistedProfileReads`). */
  unread: Symbol('unread'),
};

/** A JavaScript condition for the JSON Logic truthiness of a rule's value. */
export function truthCondition(body: Emitted): string {
  switch (body.kind) {
    case 'boolean':
      return body.code;
    case 'any':
      return `tr(${body.code})`;
    case 'number':
    case 'string':
    case 'nonarray':
      return `!!(${body.code})`;
  }
}

/**
 * Compiles a profile rule once into a specialised function: tag tests become precomputed bitset
 * masks, `var` reads attributes (or `event.*` properties), `event_count` reads the day counters,
 * everything else keeps JSON Logic semantics. The result is the rule value's JSON Logic truthiness.
 * Throws `InvalidRuleError` with every issue `validateProfileRule` reports.
 */
export function compileProfileRule(rule: unknown, scope: RuleScope): ProfileRule {
  const issues = validateProfileRule(rule, scope);
  if (issues.length > 0) {
    throw new InvalidRuleError(issues);
  }
  const ctx = createContext(profileOperators(scope));
  const root = new FunctionScope(true);
  const body = compileNode(rule, root, ctx, '');
  if (ctx.issues.length > 0) {
    throw new InvalidRuleError(ctx.issues);
  }
  return linkFunction(ctx, root, truthCondition(body), 'i', profileRuleRuntime) as ProfileRule;
}
