import type {
  CustomerEventType,
  EventPropertyDefinition,
} from '../customer-event/customer-event.schema';
import {
  checkEventPropertyValue,
  type EventPropertyValue,
} from '../customer-event/event-property-value';

/** An event type's declared properties as a list, built once per (frozen) type, not per event. */
interface DeclaredProperties {
  readonly names: readonly string[];
  readonly definitions: readonly EventPropertyDefinition[];
  /** Enum values as a Set per position (`undefined` for other types): `includes` is a scan. */
  readonly enumValues: readonly (ReadonlySet<string> | undefined)[];
  /** A declared `__proto__` cannot be assigned on a plain object: such types take the slow path. */
  readonly hasProtoName: boolean;
}

const declaredByType = new WeakMap<CustomerEventType, DeclaredProperties>();

function declaredOf(eventType: CustomerEventType): DeclaredProperties {
  let declared = declaredByType.get(eventType);
  if (declared === undefined) {
    const entries = Object.entries(eventType.properties);
    declared = {
      names: entries.map(([name]) => name),
      definitions: entries.map(([, definition]) => definition),
      enumValues: entries.map(([, definition]) =>
        definition.type === 'enum' ? new Set(definition.values ?? []) : undefined,
      ),
      hasProtoName: entries.some(([name]) => name === '__proto__'),
    };
    declaredByType.set(eventType, declared);
  }
  return declared;
}

/**
 * The fast path of `validateCustomerEvent` for schema-valid input: the checked properties (declared
 * ones only, in declaration order, dates as epoch ms) when every property is fine, or `undefined`
 * as soon as anything is wrong — the caller then runs the full check, which lists every issue. It
 * builds no pointer strings, issue lists or Sets, so a valid event costs one small object.
 */
export function acceptEventProperties(
  properties: Readonly<Record<string, EventPropertyValue>>,
  eventType: CustomerEventType,
): Record<string, EventPropertyValue> | undefined {
  const declared = declaredOf(eventType);
  if (declared.hasProtoName) {
    return undefined;
  }
  const checked: Record<string, EventPropertyValue> = {};
  let present = 0;
  for (let i = 0; i < declared.names.length; i++) {
    const name = declared.names[i] as string;
    const definition = declared.definitions[i] as EventPropertyDefinition;
    if (!Object.hasOwn(properties, name)) {
      if (definition.required === true) {
        return undefined;
      }
      continue;
    }
    present += 1;
    const value = properties[name] as EventPropertyValue;
    if (value === null) {
      if (definition.required === true) {
        return undefined;
      }
      checked[name] = null;
      continue;
    }
    const accepted = acceptValue(value, definition, declared.enumValues[i]);
    if (accepted === undefined) {
      return undefined;
    }
    checked[name] = accepted;
  }
  // Every own key must be declared: as many own keys as declared ones present.
  return countOwnKeys(properties) === present ? checked : undefined;
}

/** `checkEventPropertyValue` without allocating a result for the common, valid value. */
function acceptValue(
  value: string | number | boolean,
  definition: EventPropertyDefinition,
  enumValues: ReadonlySet<string> | undefined,
): EventPropertyValue | undefined {
  switch (definition.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'enum':
      return typeof value === 'string' && enumValues?.has(value) === true ? value : undefined;
    case 'date': {
      // ISO strings become epoch ms: rare enough to use the shared checker.
      const result = checkEventPropertyValue(value, definition);
      return result.ok ? result.value : undefined;
    }
    default:
      return undefined; // an unknown type: the full check reports it
  }
}

/** Own enumerable string keys, as `Object.keys(record).length` without the array. */
function countOwnKeys(record: object): number {
  let count = 0;
  for (const key in record) {
    if (Object.hasOwn(record, key)) {
      count += 1;
    }
  }
  return count;
}
