import {
  createCustomerProfile,
  setStaticTag,
  type AttributeDefinition,
  type AttributeValue,
  type CustomerProfile,
  type DecisionCatalog,
  type FieldIssue,
} from '@omnitouch/core';
import type { ProfileStore } from '@omnitouch/engine';
import type { ProfileChange } from './decision-runtime';

/** Quiet hours are local time: offsets run from UTC−14:00 to UTC+14:00. */
const maxUtcOffsetMinutes = 14 * 60;

/**
 * Every issue of `changes` against the catalog, fields as `/<index>/<field>`: customer ids,
 * attribute ids and value types (date: epoch ms or an ISO-8601 string), enum members, tag ids
 * (static tags only: real-time tags are set by events), consent and UTC offsets.
 */
export function checkProfileChanges(
  changes: readonly ProfileChange[],
  catalog: DecisionCatalog,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  changes.forEach((change, index) => {
    const at = (field: string, reason: string) =>
      issues.push({ field: `/${index}/${field}`, reason });
    if (typeof change.customerId !== 'string' || change.customerId.length === 0) {
      at('customerId', 'must be a non-empty string');
    } else if (change.customerId.length > 200) {
      at('customerId', 'must be at most 200 characters');
    }
    for (const [id, value] of Object.entries(change.attributes ?? {})) {
      const reason = checkAttributeValue(catalog.attributes.get(id), value);
      if (reason !== undefined) {
        at(`attributes/${escape(id)}`, reason);
      }
    }
    for (const id of Object.keys(change.tags ?? {})) {
      if (!catalog.tagIndex.staticBits.has(id) || catalog.tags.get(id)?.kind !== 'static') {
        at(`tags/${escape(id)}`, `is not a static tag of the catalog`);
      }
    }
    const offset = change.utcOffsetMinutes;
    if (offset !== undefined && !isUtcOffset(offset)) {
      at(
        'utcOffsetMinutes',
        `must be an integer from -${maxUtcOffsetMinutes} to ${maxUtcOffsetMinutes}`,
      );
    }
  });
  return issues;
}

/** Applies `change` (already checked) to its profile in `profiles`, creating the profile if new. */
export function applyProfileChange(
  change: ProfileChange,
  catalog: DecisionCatalog,
  profiles: ProfileStore,
): void {
  const profile =
    profiles.get(change.customerId) ?? createCustomerProfile(change.customerId, catalog.tagIndex);
  for (const [id, value] of Object.entries(change.attributes ?? {})) {
    const definition = catalog.attributes.get(id);
    if (value === null) {
      delete profile.attributes[id];
    } else if (definition !== undefined) {
      profile.attributes[id] = toAttributeValue(definition, value);
    }
  }
  for (const [id, on] of Object.entries(change.tags ?? {})) {
    const bit = catalog.tagIndex.staticBits.get(id);
    if (bit !== undefined) {
      setStaticTag(profile, bit, on);
    }
  }
  applyConsent(profile, change.consent);
  if (change.utcOffsetMinutes !== undefined) {
    profile.utcOffsetMinutes = change.utcOffsetMinutes;
  }
  profiles.put(profile);
}

function applyConsent(profile: CustomerProfile, consent: ProfileChange['consent']): void {
  if (consent?.unsubscribed !== undefined) {
    profile.consent.unsubscribed = consent.unsubscribed;
  }
  if (consent?.optedOutMethods !== undefined) {
    profile.consent.optedOutMethods = [...consent.optedOutMethods];
  }
}

function checkAttributeValue(
  definition: AttributeDefinition | undefined,
  value: unknown,
): string | undefined {
  if (definition === undefined) {
    return 'is not an attribute of the catalog';
  }
  if (value === null) {
    return undefined; // clears the attribute
  }
  switch (definition.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'string':
      return typeof value === 'string' && value.length <= 1000
        ? undefined
        : 'must be a string of at most 1000 characters';
    case 'enum':
      return typeof value === 'string' && (definition.values ?? []).includes(value)
        ? undefined
        : `must be one of: ${(definition.values ?? []).join(', ')}`;
    case 'date':
      return dateValue(value) === undefined
        ? 'must be epoch milliseconds or an ISO-8601 date'
        : undefined;
    default: {
      const unknownType: never = definition.type;
      return `has an unsupported type ${String(unknownType)}`;
    }
  }
}

function toAttributeValue(definition: AttributeDefinition, value: AttributeValue): AttributeValue {
  return definition.type === 'date' ? (dateValue(value) ?? value) : value;
}

function dateValue(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    return undefined;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function isUtcOffset(value: unknown): boolean {
  return Number.isInteger(value) && Math.abs(value as number) <= maxUtcOffsetMinutes;
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
