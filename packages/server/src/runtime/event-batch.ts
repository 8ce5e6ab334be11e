import {
  validateCustomerEvent,
  type CustomerEvent,
  type DecisionCatalog,
  type FieldIssue,
  type Validated,
} from '@omnitouch/core';

/**
 * Validates every event of a batch against the catalog; issues are prefixed with the event's index
 * (`/3/properties/amount`) so one answer names every bad field of the whole batch.
 */
export function validateEventBatch(
  inputs: readonly unknown[],
  catalog: DecisionCatalog,
): Validated<CustomerEvent[]> {
  const events: CustomerEvent[] = [];
  const issues: FieldIssue[] = [];
  inputs.forEach((input, index) => {
    const validated = validateCustomerEvent(input, catalog);
    if (validated.ok) {
      events.push(validated.value);
    } else {
      for (const issue of validated.issues) {
        const field = issue.field === '/' ? '' : issue.field;
        issues.push({ field: `/${index}${field}`, reason: issue.reason });
      }
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: events };
}
