import type { ContactPolicy } from '../contact-policy/contact-policy.schema';
import type { CustomerEventType } from '../customer-event/customer-event.schema';
import type { Touchpoint } from '../touchpoint/touchpoint.schema';
import { pointer, type FieldIssue } from '../validation/field-issue';
import { findDuplicateIds } from './catalog-ids';

/**
 * Event types: duplicate ids, enum properties without values, and `inContactAt` naming an unknown
 * touchpoint or an outbound one (a customer is never "in contact" at an SMS gateway).
 */
export function checkEventTypeReferences(
  eventTypes: readonly CustomerEventType[],
  touchpoints: ReadonlyMap<string, Touchpoint>,
): FieldIssue[] {
  const issues = findDuplicateIds(eventTypes, '/eventTypes', 'event type');
  eventTypes.forEach((eventType, index) => {
    const at = pointer('/eventTypes', index);
    for (const [name, property] of Object.entries(eventType.properties)) {
      if (property.type === 'enum' && property.values === undefined) {
        issues.push({
          field: `${pointer(`${at}/properties`, name)}/values`,
          reason: 'an enum property needs its list of values',
        });
      }
    }
    if (eventType.inContactAt !== undefined) {
      const touchpoint = touchpoints.get(eventType.inContactAt);
      if (touchpoint === undefined) {
        issues.push({
          field: `${at}/inContactAt`,
          reason: `unknown touchpoint '${eventType.inContactAt}'`,
        });
      } else if (touchpoint.kind === 'outbound') {
        issues.push({
          field: `${at}/inContactAt`,
          reason: `touchpoint '${touchpoint.id}' is outbound: a customer cannot be in contact there`,
        });
      }
    }
  });
  return issues;
}

/** Touchpoints: duplicate ids and a preferred delivery method the touchpoint does not offer. */
export function checkTouchpointReferences(touchpoints: readonly Touchpoint[]): FieldIssue[] {
  const issues = findDuplicateIds(touchpoints, '/touchpoints', 'touchpoint');
  touchpoints.forEach((touchpoint, index) => {
    if (!touchpoint.deliveryMethods.includes(touchpoint.preferredDeliveryMethod)) {
      issues.push({
        field: `${pointer('/touchpoints', index)}/preferredDeliveryMethod`,
        reason: `delivery method '${touchpoint.preferredDeliveryMethod}' is not in this touchpoint's deliveryMethods`,
      });
    }
  });
  return issues;
}

/** Contact policy: per-touchpoint caps must name known touchpoints. */
export function checkContactPolicyReferences(
  policy: ContactPolicy,
  touchpoints: ReadonlyMap<string, Touchpoint>,
): FieldIssue[] {
  return Object.keys(policy.perTouchpoint)
    .filter((touchpointId) => !touchpoints.has(touchpointId))
    .map((touchpointId) => ({
      field: pointer('/contactPolicy/perTouchpoint', touchpointId),
      reason: `unknown touchpoint '${touchpointId}'`,
    }));
}
