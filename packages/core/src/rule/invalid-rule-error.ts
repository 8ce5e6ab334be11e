import type { FieldIssue } from '../validation/field-issue';

/**
 * Thrown when a rule cannot be compiled (unknown operator, cycle, or — for profile rules — any
 * issue `validateProfileRule` reports). Always thrown at compile time, never while matching.
 */
export class InvalidRuleError extends Error {
  readonly issues: readonly FieldIssue[];

  constructor(issues: readonly FieldIssue[]) {
    const first = issues[0];
    const summary = first === undefined ? 'invalid rule' : `${first.field}: ${first.reason}`;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`invalid rule: ${summary}${more}`);
    this.name = 'InvalidRuleError';
    this.issues = issues;
  }
}
