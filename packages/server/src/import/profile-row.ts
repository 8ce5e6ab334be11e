import type { AttributeDefinition, FieldIssue, Validated } from '@omnitouch/core';
import type { ProfileChange } from '../runtime/decision-runtime';
import type { ProfileColumnPlan } from './profile-columns';

type MutableChange = {
  customerId: string;
  attributes?: Record<string, number | string | null>;
  tags?: Record<string, boolean>;
  consent?: { unsubscribed?: boolean; optedOutMethods?: string[] };
  utcOffsetMinutes?: number;
};

const truthy = new Set(['1', 'true', 'yes', 'y']);
const falsy = new Set(['0', 'false', 'no', 'n']);

/**
 * Turns one CSV record into a `ProfileChange`, converting text to each attribute's type (numbers;
 * dates as ISO-8601 or epoch ms). An empty cell changes nothing. Reports every bad cell, field =
 * its column name.
 */
export function toProfileChange(
  fields: readonly string[],
  plan: ProfileColumnPlan,
): Validated<ProfileChange> {
  if (fields.length !== plan.columns.length) {
    const reason = `expected ${plan.columns.length} fields as in the header, found ${fields.length}`;
    return { ok: false, issues: [{ field: '', reason }] };
  }
  const change: MutableChange = { customerId: '' };
  const issues: FieldIssue[] = [];
  plan.columns.forEach((column, index) => {
    const cell = (fields[index] ?? '').trim();
    const name = plan.header[index] ?? '';
    if (cell === '') {
      return;
    }
    const report = (reason: string): undefined => {
      issues.push({ field: name, reason });
      return undefined;
    };
    switch (column.kind) {
      case 'customerId':
        change.customerId = cell;
        return;
      case 'attribute':
        setAttribute(change, column.id, parseAttribute(cell, column.definition, report));
        return;
      case 'tag':
        setTag(change, column.id, parseBoolean(cell, report));
        return;
      case 'tags':
        for (const id of splitList(cell)) {
          setTag(change, id, plan.tagIds.has(id) ? true : report(`unknown tag "${id}"`));
        }
        return;
      case 'unsubscribed': {
        const value = parseBoolean(cell, report);
        change.consent = { ...change.consent, ...(value !== undefined && { unsubscribed: value }) };
        return;
      }
      case 'optedOutMethods':
        change.consent = { ...change.consent, optedOutMethods: splitList(cell) };
        return;
      case 'utcOffsetMinutes': {
        const value = Number(cell);
        if (Number.isInteger(value) && value >= -840 && value <= 840) {
          change.utcOffsetMinutes = value;
        } else {
          report('must be whole minutes between -840 and 840');
        }
        return;
      }
      default: {
        const unreachable: never = column;
        return unreachable;
      }
    }
  });
  if (change.customerId === '') {
    issues.push({ field: 'customerId', reason: 'must not be empty' });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: change };
}

function parseAttribute(
  cell: string,
  definition: AttributeDefinition,
  report: (reason: string) => undefined,
): number | string | undefined {
  switch (definition.type) {
    case 'number': {
      const value = Number(cell);
      return Number.isFinite(value) ? value : report('must be a number');
    }
    case 'date': {
      const value = /^-?\d+$/.test(cell) ? Number(cell) : Date.parse(cell);
      return Number.isFinite(value) ? value : report('must be an ISO-8601 date or epoch ms');
    }
    case 'enum':
      return definition.values === undefined || definition.values.includes(cell)
        ? cell
        : report(`must be one of ${definition.values.slice(0, 10).join(', ')}`);
    case 'string':
      return cell;
    default: {
      const unreachable: never = definition.type;
      return unreachable;
    }
  }
}

function parseBoolean(cell: string, report: (reason: string) => undefined): boolean | undefined {
  const lower = cell.toLowerCase();
  if (truthy.has(lower)) {
    return true;
  }
  return falsy.has(lower) ? false : report('must be 1 or 0 (true/false)');
}

function splitList(cell: string): string[] {
  return cell
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function setAttribute(change: MutableChange, id: string, value: number | string | undefined): void {
  if (value !== undefined) {
    (change.attributes ??= {})[id] = value;
  }
}

function setTag(change: MutableChange, id: string, value: boolean | undefined): void {
  if (value !== undefined) {
    (change.tags ??= {})[id] = value;
  }
}
