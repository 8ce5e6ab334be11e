import { pointer } from '../validation/field-issue';
import {
  emitLiteral,
  emitted,
  type CodegenContext,
  type Emitted,
  type FunctionScope,
  type OperatorCall,
} from './codegen';
import { controlOperators } from './control-operators';
import { valueOperators } from './value-operators';

type OperatorEmitter = (call: OperatorCall) => Emitted;

/** Every JSON Logic operator of json-logic-js@2.0.5, by name. */
const operators: ReadonlyMap<string, OperatorEmitter> = new Map([
  ...Object.entries(valueOperators),
  ...Object.entries(controlOperators),
]);

/** The operator names plain JSON Logic knows (json-logic-js@2.0.5 without custom operations). */
export const jsonLogicOperators: ReadonlySet<string> = new Set(operators.keys());

/** A rule is an object with exactly one key, the operator (json-logic-js `is_logic`). */
export function isLogic(node: unknown): node is Record<string, unknown> {
  return (
    typeof node === 'object' &&
    node !== null &&
    !Array.isArray(node) &&
    Object.keys(node).length === 1
  );
}

/** JSON Pointer for the issue list: the root is "/" as in `checkSchema`. */
export function fieldOf(path: string): string {
  return path === '' ? '/' : path;
}

/**
 * Compiles one node of a rule into an expression. Arrays evaluate element by element, objects
 * that are not rules and primitives are returned as they are, rules dispatch on their operator.
 */
export function compileNode(
  node: unknown,
  fn: FunctionScope,
  ctx: CodegenContext,
  path: string,
): Emitted {
  if (typeof node !== 'object' || node === null || (!Array.isArray(node) && !isLogic(node))) {
    return emitLiteral(ctx, node);
  }
  if (ctx.ancestors.has(node)) {
    ctx.issues.push({
      field: fieldOf(path),
      reason: 'refers back to an enclosing part of the rule',
    });
    return emitted('undefined', 'any');
  }
  ctx.ancestors.add(node);
  try {
    return Array.isArray(node)
      ? compileArray(node, fn, ctx, path)
      : compileOperator(node, fn, ctx, path);
  } finally {
    ctx.ancestors.delete(node);
  }
}

function compileArray(
  node: readonly unknown[],
  fn: FunctionScope,
  ctx: CodegenContext,
  path: string,
): Emitted {
  const items = node.map((item, i) => compileNode(item, fn, ctx, pointer(path, i)));
  return emitted(
    `[${items.map((item) => item.code).join(', ')}]`,
    'any',
    items.every((i) => i.pure),
  );
}

function compileOperator(
  node: Record<string, unknown>,
  fn: FunctionScope,
  ctx: CodegenContext,
  path: string,
): Emitted {
  const op = Object.keys(node)[0] ?? '';
  const raw = node[op];
  const valuesAreArray = Array.isArray(raw);
  if (valuesAreArray) {
    if (ctx.ancestors.has(raw)) {
      ctx.issues.push({
        field: pointer(path, op),
        reason: 'refers back to an enclosing part of the rule',
      });
      return emitted('undefined', 'any');
    }
  }
  const call: OperatorCall = {
    op,
    values: valuesAreArray ? (raw as unknown[]) : [raw],
    path: pointer(path, op),
    valuesAreArray,
    fn,
    ctx,
    compile: (child, childFn, childPath) => compileNode(child, childFn, ctx, childPath),
  };
  const domain = ctx.domain?.emit(call);
  if (domain !== undefined) {
    return domain;
  }
  const emitter = operators.get(op);
  if (emitter === undefined) {
    ctx.issues.push({ field: call.path, reason: `unknown operator "${op}"` });
    return emitted('undefined', 'any');
  }
  return valuesAreArray ? withAncestor(ctx, raw as object, () => emitter(call)) : emitter(call);
}

function withAncestor(ctx: CodegenContext, node: object, compile: () => Emitted): Emitted {
  ctx.ancestors.add(node);
  try {
    return compile();
  } finally {
    ctx.ancestors.delete(node);
  }
}
