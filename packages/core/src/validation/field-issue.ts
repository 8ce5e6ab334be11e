/**
 * One reason an input was rejected: `field` is a JSON Pointer into the input
 * (`/touchpoints/0/delaySeconds`), `reason` says what is wrong in plain English.
 */
export interface FieldIssue {
  readonly field: string;
  readonly reason: string;
}

/** The outcome of validating an input: the accepted value, or every issue found (never only the first). */
export type Validated<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

export function accepted<T>(value: T): Validated<T> {
  return { ok: true, value };
}

export function rejected<T>(issues: readonly FieldIssue[]): Validated<T> {
  return { ok: false, issues };
}

/** Appends a JSON Pointer segment, escaping `~` and `/` as RFC 6901 requires. */
export function pointer(base: string, segment: string | number): string {
  const escaped = String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
  return `${base}/${escaped}`;
}
