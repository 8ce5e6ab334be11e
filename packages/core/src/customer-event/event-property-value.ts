import type { EventPropertyDefinition } from './customer-event.schema';

/** A property value as events carry it (see `CustomerEvent.properties`). */
export type EventPropertyValue = string | number | boolean | null;

/** The outcome of checking one property value: the value rules will see, or why it was refused. */
export type EventPropertyCheck =
  | { readonly ok: true; readonly value: EventPropertyValue }
  | { readonly ok: false; readonly reason: string };

// Date-only (UTC by ECMAScript's rules) or a date-time WITH a zone: a zone-less date-time would be
// read in the server's local time zone, making the same event mean different instants.
const isoDate =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

/** How many enum values a rejection lists before eliding the rest. */
const listedValues = 10;

/**
 * Checks a present, non-null `value` against its declared property type. Dates are accepted as
 * epoch milliseconds or ISO-8601 strings and returned as epoch milliseconds, so rules compare them
 * as numbers (like date attributes).
 */
export function checkEventPropertyValue(
  value: EventPropertyValue,
  definition: EventPropertyDefinition,
): EventPropertyCheck {
  switch (definition.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? { ok: true, value }
        : refuse('must be a finite number');
    case 'string':
      return typeof value === 'string' ? { ok: true, value } : refuse('must be a string');
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : refuse('must be true or false');
    case 'enum':
      return typeof value === 'string' && (definition.values ?? []).includes(value)
        ? { ok: true, value }
        : refuse(`must be one of ${describeValues(definition.values ?? [])}`);
    case 'date':
      return checkDate(value);
    default: {
      const unreachable: never = definition.type;
      return refuse(`has an unsupported type '${String(unreachable)}'`);
    }
  }
}

function checkDate(value: EventPropertyValue): EventPropertyCheck {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return { ok: true, value };
  }
  if (typeof value === 'string' && isoDate.test(value)) {
    const at = Date.parse(value);
    if (Number.isFinite(at)) {
      return { ok: true, value: at };
    }
  }
  return refuse(
    'must be a date: an ISO-8601 date or date-time with a time zone (2026-11-25T08:00:00Z) or epoch milliseconds',
  );
}

function describeValues(values: readonly string[]): string {
  const listed = values.slice(0, listedValues).map((value) => `'${value}'`);
  const more = values.length - listed.length;
  return more > 0 ? `${listed.join(', ')} (and ${more} more)` : listed.join(', ');
}

function refuse(reason: string): EventPropertyCheck {
  return { ok: false, reason };
}
