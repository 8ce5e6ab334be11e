import type { TSchema, Static } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import type { FieldIssue, Validated } from './field-issue';

const compiledChecks = new WeakMap<TSchema, TypeCheck<TSchema>>();

/** Validates `input` against a TypeBox schema and lists every failing field (schema compiled once per schema). */
export function checkSchema<S extends TSchema>(schema: S, input: unknown): Validated<Static<S>> {
  let check = compiledChecks.get(schema);
  if (check === undefined) {
    check = TypeCompiler.Compile(schema);
    compiledChecks.set(schema, check);
  }
  if (check.Check(input)) {
    return { ok: true, value: input as Static<S> };
  }
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const error of check.Errors(input)) {
    const field = error.path === '' ? '/' : error.path;
    const key = `${field}\u0000${error.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push({ field, reason: error.message.toLowerCase() });
    }
  }
  return { ok: false, issues };
}
