import { pointer } from '@omnitouch/core';
import type { ErrorIssue } from '@omnitouch/contracts';

/** The parts of an AJV error this module reads (Fastify puts them in `error.validation`). */
export interface SchemaValidationError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
}

type RequestPart = NonNullable<ErrorIssue['in']>;

/**
 * Turns AJV's errors (collected with `allErrors: true`) into one issue per failing field. A failed
 * union is reported once, as "must be one of …", instead of one error per alternative.
 */
export function toValidationIssues(
  errors: readonly SchemaValidationError[],
  part: string | undefined,
): ErrorIssue[] {
  const unions = errors.filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf');
  const issues: ErrorIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (unions.some((union) => isBranchOf(error, union))) {
      continue;
    }
    const issue = toIssue(error, errors, part);
    const key = `${issue.in ?? ''}\u0000${issue.field}\u0000${issue.reason}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

function isBranchOf(error: SchemaValidationError, union: SchemaValidationError): boolean {
  return error !== union && error.schemaPath.startsWith(`${union.schemaPath}/`);
}

function toIssue(
  error: SchemaValidationError,
  all: readonly SchemaValidationError[],
  part: string | undefined,
): ErrorIssue {
  const base = error.instancePath;
  const located = (field: string, reason: string): ErrorIssue =>
    part === undefined || part === 'body'
      ? { field, reason }
      : { field, reason, in: part as RequestPart };
  switch (error.keyword) {
    case 'required':
      return located(pointer(base, String(error.params.missingProperty)), 'is required');
    case 'additionalProperties':
      return located(
        pointer(base, String(error.params.additionalProperty)),
        'is not allowed (unknown field)',
      );
    case 'anyOf':
    case 'oneOf':
      return located(base || '/', describeUnion(error, all));
    default:
      return located(base || '/', error.message ?? `fails ${error.keyword}`);
  }
}

function describeUnion(
  union: SchemaValidationError,
  all: readonly SchemaValidationError[],
): string {
  const branches = all.filter((error) => isBranchOf(error, union));
  const constants = branches.filter((error) => error.keyword === 'const');
  // A union of literals: each branch fails `const` (and `type` when the value is not a string).
  const isEnum = branches.every((error) => error.keyword === 'const' || error.keyword === 'type');
  if (constants.length > 0 && isEnum) {
    const values = constants.map((error) => String(error.params.allowedValue));
    return `must be one of: ${[...new Set(values)].join(', ')}`;
  }
  return 'must match one of the allowed shapes';
}
