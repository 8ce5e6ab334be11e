import type { Emitted, FunctionScope } from './codegen';

/** The default of a `var` lookup: code to evaluate it once (`setup`) and the expression to use. */
export interface Fallback {
  readonly setup: string;
  readonly code: string;
}

/**
 * `var`'s not-found value: its second argument, or null when that is undefined. Literals are
 * inlined; anything else is evaluated once, up front, as json-logic-js evaluates all arguments first.
 */
export function fallbackOf(fn: FunctionScope, notFound: Emitted): Fallback {
  if (notFound.code === 'undefined') {
    return { setup: '', code: 'null' };
  }
  const known =
    notFound.kind === 'boolean' || notFound.kind === 'number' || notFound.kind === 'string';
  if (notFound.pure && (known || notFound.code === 'null')) {
    return { setup: '', code: notFound.code };
  }
  const t = fn.temp();
  return {
    setup: `${t} = ${notFound.code}, `,
    code: known ? t : `(${t} === undefined ? null : ${t})`,
  };
}

/**
 * Reads `segments` from `base` as json-logic-js `var` does: stop with the fallback at a null or
 * undefined step or an undefined value; a null found at the end is returned as null.
 */
export function emitPathLookup(
  fn: FunctionScope,
  base: string,
  segments: readonly string[],
  fallback: string,
): string {
  const t = fn.temp();
  const steps = segments.map(
    (segment) =>
      `${t} == null ? ${fallback} : (${t} = ${t}[${JSON.stringify(segment)}]) === undefined ? ${fallback} : `,
  );
  return `(${t} = ${base}, ${steps.join('')}${t})`;
}
