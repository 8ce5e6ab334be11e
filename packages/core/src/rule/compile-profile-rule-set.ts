import { pointer, type FieldIssue } from '../validation/field-issue';
import { createContext, FunctionScope, linkSource, type CodegenContext } from './codegen';
import { compileNode } from './compile-node';
import { profileRuleRuntime, truthCondition } from './compile-profile-rule';
import { HoistedProfileReads } from './hoisted-profile-reads';
import { InvalidRuleError } from './invalid-rule-error';
import { profileOperators } from './profile-operators';
import type { ProfileRuleSet, RuleScope } from './rule-scope';
import { validateProfileRule } from './validate-profile-rule';

/**
 * Rules per generated function. One function per rule makes the caller's call site megamorphic
 * and leaves V8 to optimise 1,000 functions separately; one function for everything would pass
 * V8's optimisation limit (`--max-optimized-bytecode-size`, 60 KB) and never be optimised.
 * Measured (bench/rule-evaluation.bench.ts, 1,000 rules × 10,000 customers, M rules/s, two runs):
 * 16 → 117–121, 32 → 122–125, 64 → 125–133, 128 → 135–136 (~24 KB of bytecode per function).
 */
export const defaultRulesPerFunction = 128;

/**
 * Generated characters after which a function takes no more rules, whatever their number, so a
 * set of long rules stays under the 60 KB bytecode limit (measured: ~0.9 bytes of bytecode per
 * character of rule code; 128 of the bench's rules take ~28,000 characters).
 */
const maxCharactersPerFunction = 40_000;

/** Tuning for `compileProfileRuleSet`; the defaults are the measured best. */
export interface ProfileRuleSetOptions {
  /** At most this many rules per generated function (below 1 counts as 1; Infinity: size limit only). */
  readonly rulesPerFunction?: number;
}

/**
 * Compiles `rules` (all in `scope`) into one `ProfileRuleSet` whose `evaluate` checks them all in
 * straight-line generated code: the profile's tag words, attributes, event properties, real-time
 * tags and event counters are read once into locals shared by every rule, identical rules are
 * evaluated once, and rules run in list order. Results are exactly those of `compileProfileRule`;
 * a rule that throws at run time (e.g. `{"*": []}`) makes `evaluate` throw, after the rules before
 * it were written. Throws `InvalidRuleError` with every issue of every rule, fields prefixed with
 * the rule's position (`/3/and/0/has_tag`).
 */
export function compileProfileRuleSet(
  rules: readonly unknown[],
  scope: RuleScope,
  options: ProfileRuleSetOptions = {},
): ProfileRuleSet {
  const issues = rules.flatMap((rule, k) => prefixIssues(k, validateProfileRule(rule, scope)));
  if (issues.length > 0) {
    throw new InvalidRuleError(issues);
  }
  const requested = options.rulesPerFunction ?? defaultRulesPerFunction;
  // At least one rule per function, so every chunk makes progress (NaN would make none).
  const perFunction = Number.isNaN(requested)
    ? defaultRulesPerFunction
    : Math.max(1, Math.floor(requested));
  const ctx = createContext(profileOperators(scope));
  const chunks: Chunk[] = [];
  let first = 0;
  while (first < rules.length) {
    const chunk = compileChunk(rules, first, perFunction, scope, ctx);
    chunks.push(chunk);
    first = chunk.end;
  }
  if (ctx.issues.length > 0) {
    throw new InvalidRuleError(ctx.issues);
  }
  const evaluate = linkSource(
    ctx,
    driverSource(chunks, rules.length),
    profileRuleRuntime,
  ) as ProfileRuleSet['evaluate'];
  return Object.freeze({ size: rules.length, evaluate });
}

/** The rules `[first, end)` as the body of one generated function of `(i, out)`. */
interface Chunk {
  readonly body: readonly string[];
  readonly end: number;
}

/**
 * `evaluate(i, out)`: checks `out`, then runs every chunk in order and sums what they matched.
 * A set of one chunk (up to `rulesPerFunction` rules, e.g. one event type's cases) runs its body
 * inline, saving a call per evaluation.
 */
function driverSource(chunks: readonly Chunk[], size: number): string[] {
  const head = [
    'return function evaluate(i, out) {',
    `if (out.length < ${size}) {`,
    `throw new RangeError("out holds " + out.length + " results, the rule set has ${size} rules");`,
    '}',
  ];
  const only = chunks.length === 1 ? chunks[0] : undefined;
  if (only !== undefined) {
    return [...head, ...only.body, '};'];
  }
  const functions = chunks.map((chunk, c) => [`function chunk${c}(i, out) {`, ...chunk.body, '}']);
  const calls = chunks.map((_, c) => `chunk${c}(i, out)`);
  return [...functions.flat(), ...head, `return ${calls.join(' + ') || '0'};`, '};'];
}

/**
 * One generated function body for the rules from `first`: reads hoisted to the top,
 * then `matched += out[k] = (<rule k>) ? 1 : 0;` per rule, until the rule or size budget is spent.
 */
function compileChunk(
  rules: readonly unknown[],
  first: number,
  perFunction: number,
  scope: RuleScope,
  shared: CodegenContext,
): Chunk {
  const root = new FunctionScope(true);
  const reads = new HoistedProfileReads(root);
  // Constants, scoped functions and issues stay shared: the whole set is linked as one source.
  const ctx: CodegenContext = { ...shared, domain: profileOperators(scope, reads) };
  const statements: string[] = [];
  const firstOfCondition = new Map<string, number>();
  let characters = 0;
  let k = first;
  while (k < rules.length && k - first < perFunction && characters < maxCharactersPerFunction) {
    root.reuseTemps();
    const condition = truthCondition(compileNode(rules[k], root, ctx, pointer('', k)));
    const same = firstOfCondition.get(condition);
    if (same === undefined) {
      firstOfCondition.set(condition, k);
      statements.push(`matched += out[${k}] = (${condition}) ? 1 : 0;`);
    } else {
      statements.push(`matched += out[${k}] = out[${same}];`);
    }
    characters += condition.length;
    k += 1;
  }
  const body = [
    root.declarations(),
    reads.declarations(),
    'let matched = 0;',
    ...statements,
    'return matched;',
  ];
  return { body, end: k };
}

/** Rebases a rule's issues (`/and/0`, or `/` for its root) under its position in the list. */
function prefixIssues(index: number, issues: readonly FieldIssue[]): FieldIssue[] {
  const base = pointer('', index);
  return issues.map(({ field, reason }) => ({
    field: field === '/' || field === '' ? base : `${base}${field}`,
    reason,
  }));
}
