import { pointer, type FieldIssue } from '../validation/field-issue';
import type { RuleScope } from './rule-scope';

/** The operators profile rules add to JSON Logic. */
export const domainOperators: ReadonlySet<string> = new Set([
  'has_tag',
  'has_any_tags',
  'has_all_tags',
  'event_count',
]);

/** A tag-list operator's arguments: `["a","b"]` or, equally, one array `[["a","b"]]`. */
export interface TagList {
  readonly ids: readonly unknown[];
  readonly path: (index: number) => string;
}

/** `path` is the operator's pointer (`/and/0/has_any_tags`); `raw` the operator's value. */
export function tagListOf(raw: unknown, path: string): TagList {
  if (Array.isArray(raw) && raw.length === 1 && Array.isArray(raw[0])) {
    return { ids: raw[0] as unknown[], path: (i) => pointer(pointer(path, 0), i) };
  }
  if (Array.isArray(raw)) {
    return { ids: raw, path: (i) => pointer(path, i) };
  }
  return { ids: [raw], path: () => path };
}

/** Every issue of a domain operator's arguments (`op` must be one of `domainOperators`). */
export function checkDomainOperator(
  op: string,
  raw: unknown,
  path: string,
  scope: RuleScope,
): FieldIssue[] {
  if (op === 'event_count') {
    return checkEventCount(raw, path, scope);
  }
  const list = tagListOf(raw, path);
  if (op === 'has_tag' && list.ids.length !== 1) {
    return [{ field: path, reason: 'has_tag takes exactly one tag id' }];
  }
  if (list.ids.length === 0) {
    return [{ field: path, reason: `${op} needs at least one tag id` }];
  }
  return list.ids.flatMap((id, i) => checkTagId(id, list.path(i), scope));
}

function checkTagId(id: unknown, field: string, scope: RuleScope): FieldIssue[] {
  if (typeof id !== 'string') {
    return [{ field, reason: 'must be a tag id (a string)' }];
  }
  const { staticBits, realtimeBits } = scope.tagIndex;
  return staticBits.has(id) || realtimeBits.has(id)
    ? []
    : [{ field, reason: `unknown tag "${id}"` }];
}

function checkEventCount(raw: unknown, path: string, scope: RuleScope): FieldIssue[] {
  if (!Array.isArray(raw) || raw.length !== 2) {
    return [{ field: path, reason: 'event_count takes [event type, number of days]' }];
  }
  const [type, days] = raw as [unknown, unknown];
  const issues: FieldIssue[] = [];
  const eventType = typeof type === 'string' ? scope.eventTypes.get(type) : undefined;
  const window = eventType?.counterWindowDays;
  if (typeof type !== 'string') {
    issues.push({ field: pointer(path, 0), reason: 'must be an event type id (a string)' });
  } else if (eventType === undefined) {
    issues.push({ field: pointer(path, 0), reason: `unknown event type "${type}"` });
  } else if (window === undefined) {
    issues.push({
      field: pointer(path, 0),
      reason: `events of type "${type}" are not counted (the type has no counterWindowDays)`,
    });
  }
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1) {
    issues.push({ field: pointer(path, 1), reason: 'must be a whole number of days, at least 1' });
  } else if (window !== undefined && days > window) {
    issues.push({
      field: pointer(path, 1),
      reason: `a ${days}-day window is longer than the ${window} days "${String(type)}" events are counted`,
    });
  }
  return issues;
}

/**
 * Issues of a data name a profile rule reads (`var`, `missing`): an attribute id, or
 * `event.<property>` of the triggering event type, only inside a trigger condition.
 */
export function checkDataName(name: unknown, field: string, scope: RuleScope): FieldIssue[] {
  if (typeof name !== 'string' || name === '') {
    return [{ field, reason: 'must name an attribute or an event property (a non-empty string)' }];
  }
  if (name === 'event' || name.startsWith('event.')) {
    const property = name.slice('event.'.length);
    if (property === '') {
      return [{ field, reason: 'must name one event property: "event.<property>"' }];
    }
    if (scope.event === undefined) {
      return [{ field, reason: `reads "${name}", but only trigger conditions have an event` }];
    }
    return Object.hasOwn(scope.event.properties, property)
      ? []
      : [{ field, reason: `event type "${scope.event.id}" has no property "${property}"` }];
  }
  return scope.attributes.has(name) ? [] : [{ field, reason: `unknown attribute "${name}"` }];
}
