import { pointer, type FieldIssue } from '../validation/field-issue';
import { fieldOf, isLogic, jsonLogicOperators } from './compile-node';
import { checkDataName, checkDomainOperator, domainOperators } from './domain-operators';
import type { RuleScope } from './rule-scope';

/** Deepest nesting of objects and arrays a profile rule may have. */
export const maxRuleDepth = 64;

/**
 * Where a node sits: at the top of a profile rule (`var` reads attributes and the event), inside
 * the scoped logic of `map`/`filter`/`all`… (`var` reads the item), or inside a literal object.
 */
type Mode = 'profile' | 'scoped' | 'literal';

interface Walk {
  readonly scope: RuleScope;
  readonly issues: FieldIssue[];
  readonly ancestors: Set<object>;
}

const scopedOperators = new Set(['map', 'filter', 'all', 'some', 'none', 'reduce']);

/**
 * Every issue of a profile rule, each with a JSON Pointer relative to the rule root
 * (`/and/1/has_tag`, `/` for the root) and a plain-English reason: unknown operators, tags,
 * attributes and event types, wrong domain-operator arguments, `event.*` outside a trigger, cycles,
 * nesting deeper than 64 and values JSON cannot hold. An empty list means `compileProfileRule` succeeds.
 */
export function validateProfileRule(rule: unknown, scope: RuleScope): FieldIssue[] {
  const walk: Walk = { scope, issues: [], ancestors: new Set() };
  visit(walk, rule, '', 1, 'profile');
  return walk.issues;
}

function visit(walk: Walk, node: unknown, path: string, depth: number, mode: Mode): void {
  const notJson = describeNonJson(node);
  if (notJson !== undefined) {
    walk.issues.push({ field: fieldOf(path), reason: notJson });
    return;
  }
  if (typeof node !== 'object' || node === null) {
    return;
  }
  if (depth > maxRuleDepth) {
    walk.issues.push({ field: fieldOf(path), reason: `nests deeper than ${maxRuleDepth} levels` });
    return;
  }
  if (walk.ancestors.has(node)) {
    walk.issues.push({
      field: fieldOf(path),
      reason: 'refers back to an enclosing part of the rule',
    });
    return;
  }
  walk.ancestors.add(node);
  if (Array.isArray(node)) {
    node.forEach((item, i) => visit(walk, item, pointer(path, i), depth + 1, mode));
  } else if (mode !== 'literal' && isLogic(node)) {
    visitOperator(walk, node, path, depth, mode);
  } else {
    for (const [key, value] of Object.entries(node)) {
      visit(walk, value, pointer(path, key), depth + 1, 'literal');
    }
  }
  walk.ancestors.delete(node);
}

function visitOperator(
  walk: Walk,
  node: Record<string, unknown>,
  path: string,
  depth: number,
  mode: Mode,
): void {
  const op = Object.keys(node)[0] ?? '';
  const raw = node[op];
  const opPath = pointer(path, op);
  if (domainOperators.has(op)) {
    // A domain operator's arguments are data: check them as JSON first, then what they name.
    const before = walk.issues.length;
    visit(walk, raw, opPath, depth + 1, 'literal');
    if (walk.issues.length === before) {
      walk.issues.push(...checkDomainOperator(op, raw, opPath, walk.scope));
    }
    return;
  }
  if (!jsonLogicOperators.has(op)) {
    walk.issues.push({ field: opPath, reason: `unknown operator "${op}"` });
  }
  const values: unknown[] = Array.isArray(raw) ? raw : [raw];
  const argPath = (i: number) => (Array.isArray(raw) ? pointer(opPath, i) : opPath);
  const argDepth = Array.isArray(raw) ? depth + 2 : depth + 1;
  if (Array.isArray(raw) && !enter(walk, raw, opPath, depth + 1)) {
    return;
  }
  values.forEach((value, i) => visit(walk, value, argPath(i), argDepth, argumentMode(op, i, mode)));
  if (mode === 'profile') {
    checkDataReads(walk, op, values, argPath);
  }
  if (Array.isArray(raw)) {
    walk.ancestors.delete(raw);
  }
}

/**
 * `map`/`filter`/`all`… evaluate argument 1 once per item, with the item as data, and never
 * evaluate the arguments after the last they use (which must still be JSON).
 */
function argumentMode(op: string, index: number, mode: Mode): Mode {
  if (!scopedOperators.has(op) || index === 0 || (index === 2 && op === 'reduce')) {
    return mode;
  }
  return index === 1 ? 'scoped' : 'literal';
}

/** Checks depth and cycles of an operator's argument array, then marks it as an ancestor. */
function enter(walk: Walk, list: object, path: string, depth: number): boolean {
  if (depth > maxRuleDepth || walk.ancestors.has(list)) {
    visit(walk, list, path, depth, 'literal');
    return false;
  }
  walk.ancestors.add(list);
  return true;
}

/** `var` and `missing` at the top of a profile rule read attributes and event properties by name. */
function checkDataReads(
  walk: Walk,
  op: string,
  values: readonly unknown[],
  argPath: (i: number) => string,
): void {
  if (op === 'var') {
    walk.issues.push(...checkDataName(values[0], argPath(0), walk.scope));
    if (values.length > 2) {
      walk.issues.push({ field: argPath(2), reason: 'var takes a name and an optional default' });
    }
  } else if (op === 'missing' || op === 'missing_some') {
    const index = op === 'missing' ? 0 : 1;
    const keys = op === 'missing' && !Array.isArray(values[0]) ? values : values[index];
    if (Array.isArray(keys)) {
      keys.forEach((key, i) => {
        if (typeof key === 'string') {
          const field = keys === values ? argPath(i) : pointer(argPath(index), i);
          walk.issues.push(...checkDataName(key, field, walk.scope));
        }
      });
    }
  }
}

/** Why `value` cannot appear in a JSON rule, or undefined when it can. */
function describeNonJson(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `is ${String(value)}, which JSON cannot hold`;
    case 'object': {
      if (value === null || Array.isArray(value)) {
        return undefined;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      return prototype === Object.prototype || prototype === null
        ? undefined
        : 'is an instance of a class, not a plain JSON object';
    }
    case 'undefined':
      return 'is undefined, which JSON cannot hold';
    case 'function':
    case 'symbol':
    case 'bigint':
      return `is a ${typeof value}, which JSON cannot hold`;
  }
}
