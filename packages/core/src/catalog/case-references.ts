import type { MarketingCase } from '../marketing-case/marketing-case.schema';
import type { Touchpoint } from '../touchpoint/touchpoint.schema';
import { pointer, type FieldIssue } from '../validation/field-issue';
import { findDuplicateIds } from './catalog-ids';

/**
 * Marketing cases: duplicate ids, an empty validity window, a trigger of an unknown event type,
 * and strategies naming an unknown touchpoint, a delivery method the touchpoint does not offer, or
 * a touchpoint the case already uses. (Target and trigger rules are checked with rules.)
 */
export function checkCaseReferences(
  cases: readonly MarketingCase[],
  eventTypeIds: ReadonlySet<string>,
  touchpoints: ReadonlyMap<string, Touchpoint>,
): FieldIssue[] {
  const issues = findDuplicateIds(cases, '/cases', 'marketing case');
  cases.forEach((marketingCase, index) => {
    const at = pointer('/cases', index);
    if (marketingCase.validUntil <= marketingCase.validFrom) {
      issues.push({ field: `${at}/validUntil`, reason: 'must be later than validFrom' });
    }
    if (!eventTypeIds.has(marketingCase.trigger.eventType)) {
      issues.push({
        field: `${at}/trigger/eventType`,
        reason: `unknown event type '${marketingCase.trigger.eventType}'`,
      });
    }
    issues.push(...checkStrategies(marketingCase, at, touchpoints));
  });
  return issues;
}

function checkStrategies(
  marketingCase: MarketingCase,
  at: string,
  touchpoints: ReadonlyMap<string, Touchpoint>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const used = new Set<string>();
  marketingCase.touchpoints.forEach((strategy, index) => {
    const strategyAt = pointer(`${at}/touchpoints`, index);
    const touchpoint = touchpoints.get(strategy.touchpointId);
    if (used.has(strategy.touchpointId)) {
      issues.push({
        field: `${strategyAt}/touchpointId`,
        reason: `touchpoint '${strategy.touchpointId}' is already used by this case`,
      });
    }
    used.add(strategy.touchpointId);
    if (touchpoint === undefined) {
      issues.push({
        field: `${strategyAt}/touchpointId`,
        reason: `unknown touchpoint '${strategy.touchpointId}'`,
      });
    } else if (
      strategy.deliveryMethod !== undefined &&
      !touchpoint.deliveryMethods.includes(strategy.deliveryMethod)
    ) {
      issues.push({
        field: `${strategyAt}/deliveryMethod`,
        reason: `touchpoint '${touchpoint.id}' does not offer delivery method '${strategy.deliveryMethod}'`,
      });
    }
  });
  return issues;
}
