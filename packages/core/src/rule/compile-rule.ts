import { createContext, FunctionScope, linkFunction } from './codegen';
import { compileNode } from './compile-node';
import { InvalidRuleError } from './invalid-rule-error';
import {
  allItems,
  cat,
  filterItems,
  isIn,
  mapItems,
  missing,
  missingSome,
  multiply,
  noItems,
  reduceItems,
  someItems,
  substr,
  truthy,
  varOf,
} from './json-logic-runtime';

/** A compiled plain JSON Logic rule: `data` in, the rule's value out (never throws for valid data). */
export type CompiledRule = (data: unknown) => unknown;

/** Rules met only at run time (a `missing` key that is itself a rule) are compiled when met. */
function applyDynamic(logic: unknown, data: unknown): unknown {
  return compileRule(logic)(data);
}

/** The helpers generated code refers to by name (see json-logic-runtime.ts). */
export const jsonLogicRuntime = {
  tr: truthy,
  pf: parseFloat,
  ap: applyDynamic,
  varOf,
  missing,
  missingSome,
  isIn,
  cat,
  substr,
  multiply,
  filterItems,
  mapItems,
  reduceItems,
  allItems,
  someItems,
  noItems,
} as const;

/**
 * Compiles a JSON Logic rule once into a JavaScript function with exactly the semantics of
 * json-logic-js@2.0.5's `apply` (truthiness, loose `==`, `var` paths, `missing`, coercions…).
 * Throws `InvalidRuleError` listing every unknown operator and cycle; `log` does not print.
 */
export function compileRule(rule: unknown): CompiledRule {
  const ctx = createContext(undefined);
  const root = new FunctionScope(false);
  const body = compileNode(rule, root, ctx, '');
  if (ctx.issues.length > 0) {
    throw new InvalidRuleError(ctx.issues);
  }
  return linkFunction(ctx, root, body.code, 'd', jsonLogicRuntime) as CompiledRule;
}
