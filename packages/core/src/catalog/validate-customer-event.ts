import { CustomerEvent, type CustomerEventType } from '../customer-event/customer-event.schema';
import { CatalogId } from '../i18n/localized-text';
import {
  checkEventPropertyValue,
  type EventPropertyValue,
} from '../customer-event/event-property-value';
import { checkSchema } from '../validation/check-schema';
import {
  accepted,
  pointer,
  rejected,
  type FieldIssue,
  type Validated,
} from '../validation/field-issue';
import { acceptEventProperties } from './accept-event-properties';
import type { DecisionCatalog } from './decision-catalog';

/**
 * Accepts `input` as an event of a type the catalog knows, or lists every issue: schema
 * violations, an unknown type, missing required properties (null counts as missing), values of the
 * wrong type or outside an enum, and properties the type does not declare. The accepted event is
 * a copy with date properties as epoch milliseconds; `input` is never modified. Never throws.
 */
export function validateCustomerEvent(
  input: unknown,
  catalog: DecisionCatalog,
): Validated<CustomerEvent> {
  // Fast path: a valid event allocates no issue list, pointers or Sets, and skips TypeBox.
  if (isWellFormedEvent(input)) {
    const event = acceptEvent(input, catalog, true);
    if (event !== undefined) {
      return event;
    }
  }
  const schema = checkSchema(CustomerEvent, input);
  if (schema.ok) {
    const event = acceptEvent(schema.value, catalog, false);
    if (event !== undefined) {
      return event;
    }
  }
  return listEventIssues(input, catalog, schema);
}

/**
 * The accepted copy of a schema-valid event, or `undefined` when the catalog check needs the full
 * path. With `checkType`, the type must also match the schema's pattern (`isWellFormedEvent` leaves
 * that to here, where it is remembered per event type instead of run per event).
 */
function acceptEvent(
  input: CustomerEvent,
  catalog: DecisionCatalog,
  checkType: boolean,
): Validated<CustomerEvent> | undefined {
  const eventType = catalog.eventTypes.get(input.type);
  if (eventType === undefined || (checkType && !isCatalogIdOf(eventType, input.type))) {
    return undefined;
  }
  const properties = acceptEventProperties(input.properties, eventType);
  if (properties === undefined) {
    return undefined;
  }
  const { eventId, customerId, type, occurredAt } = input;
  return accepted({ eventId, customerId, type, occurredAt, properties });
}

/** The event type's pattern, read from the schema so the two never drift apart. */
const catalogIdPattern = new RegExp(CatalogId.pattern ?? '(?!)');

/** Per event type, the type string last found to match `catalogIdPattern`. */
const matchedTypeOf = new WeakMap<CustomerEventType, string>();

function isCatalogIdOf(eventType: CustomerEventType, type: string): boolean {
  if (matchedTypeOf.get(eventType) === type) {
    return true;
  }
  if (!catalogIdPattern.test(type)) {
    return false;
  }
  matchedTypeOf.set(eventType, type);
  return true;
}

/**
 * True only when the `CustomerEvent` schema accepts `input`, given a type matching its pattern
 * (which `acceptEvent` checks): the compiled TypeBox check's own tests, written out so a valid
 * event allocates no entry arrays or result wrapper (TypeBox's check was a visible share of
 * ingest). Property values are left to `acceptEvent`, which accepts declared, valid ones only;
 * anything it does not accept goes to TypeBox.
 */
function isWellFormedEvent(input: unknown): input is CustomerEvent {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return false;
  }
  const { eventId, customerId, type, occurredAt, properties } = input as Record<string, unknown>;
  return (
    typeof eventId === 'string' &&
    eventId.length >= 1 &&
    eventId.length <= 200 &&
    typeof customerId === 'string' &&
    customerId.length >= 1 &&
    customerId.length <= 200 &&
    typeof type === 'string' && // its pattern: `acceptEvent(…, true)`
    typeof occurredAt === 'number' &&
    Number.isFinite(occurredAt) &&
    occurredAt >= 0 &&
    arePropertyValues(properties) &&
    Object.getOwnPropertyNames(input).length === 5
  );
}

/**
 * Whether `properties` is a plain record. Its values are not looked at here: the fast path accepts
 * an event only when every own key is a declared property whose value `acceptEventProperties`
 * accepted, and any other value sends it to the full check.
 */
function arePropertyValues(properties: unknown): boolean {
  return (
    typeof properties === 'object' &&
    properties !== null &&
    !Array.isArray(properties) &&
    !(properties instanceof Date) &&
    !(properties instanceof Uint8Array)
  );
}

/** The full check: every issue of `input`, or (when the fast path bailed on a value it accepts) the event. */
function listEventIssues(
  input: unknown,
  catalog: DecisionCatalog,
  schema: Validated<CustomerEvent>,
): Validated<CustomerEvent> {
  const issues: FieldIssue[] = schema.ok ? [] : [...schema.issues];
  const reported = new Set(issues.map((issue) => issue.field));
  const event = readableParts(input);
  const eventType = event.type === undefined ? undefined : catalog.eventTypes.get(event.type);
  if (event.type !== undefined && eventType === undefined && !reported.has('/type')) {
    issues.push({ field: '/type', reason: `unknown event type '${event.type}'` });
  }
  let properties: Record<string, EventPropertyValue> | undefined;
  if (eventType !== undefined && event.properties !== undefined) {
    const checked = checkProperties(event.properties, eventType);
    issues.push(...checked.issues.filter((issue) => !reported.has(issue.field)));
    properties = checked.properties;
  }
  if (!schema.ok || issues.length > 0) {
    return rejected(issues);
  }
  return accepted({ ...schema.value, properties: properties ?? schema.value.properties });
}

/** The parts of a possibly malformed input that can still be checked against the catalog. */
function readableParts(input: unknown): {
  type?: string;
  properties?: Record<string, unknown>;
} {
  if (typeof input !== 'object' || input === null) {
    return {};
  }
  const { type, properties } = input as Record<string, unknown>;
  return {
    ...(typeof type === 'string' && { type }),
    ...(isPlainRecord(properties) && { properties }),
  };
}

function checkProperties(
  properties: Record<string, unknown>,
  eventType: CustomerEventType,
): { issues: FieldIssue[]; properties: Record<string, EventPropertyValue> } {
  const issues: FieldIssue[] = [];
  // Entries, not assignments: a declared property may be named `__proto__`.
  const checked: [string, EventPropertyValue][] = [];
  for (const [name, definition] of Object.entries(eventType.properties)) {
    const value = Object.hasOwn(properties, name) ? properties[name] : undefined;
    const field = pointer('/properties', name);
    if (value === undefined || value === null) {
      if (definition.required === true) {
        issues.push({ field, reason: `is required by event type '${eventType.id}'` });
      } else if (value === null) {
        checked.push([name, null]);
      }
      continue;
    }
    const result = checkEventPropertyValue(value as EventPropertyValue, definition);
    if (result.ok) {
      checked.push([name, result.value]);
    } else {
      issues.push({ field, reason: result.reason });
    }
  }
  for (const name of Object.keys(properties)) {
    if (!Object.hasOwn(eventType.properties, name)) {
      issues.push({
        field: pointer('/properties', name),
        reason: `is not a property of event type '${eventType.id}'`,
      });
    }
  }
  return { issues, properties: Object.fromEntries(checked) };
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
