import type { CustomerEventType } from '@omnitouch/core';
import { int, oneOf, toPropertyDefinition } from './event-property-hint';
import { eventTypeRow, type EventTypeRow } from './event-type-row';
import { billingAndUsageEventTypes } from './event-types-billing-usage';
import { productAndLifecycleEventTypes } from './event-types-product-lifecycle';
import { interactionEventTypes } from './event-types-interaction';

/** All 112 event types of the reference operator, the stream's most frequent first. */
export const operatorEventTypeRows: readonly EventTypeRow[] = [
  ...billingAndUsageEventTypes,
  ...productAndLifecycleEventTypes,
  ...interactionEventTypes,
];

/**
 * The first `count` event type rows (beyond the table, numbered "partner" events follow), with
 * `inContactAt` dropped where the touchpoint is not in the catalog.
 */
export function selectEventTypeRows(
  count: number,
  touchpointIds: ReadonlySet<string>,
): EventTypeRow[] {
  const rows: EventTypeRow[] = [];
  for (let i = 0; i < count; i++) {
    const row = operatorEventTypeRows[i] ?? partnerEventRow(i + 1);
    if (row.inContactAt !== undefined && !touchpointIds.has(row.inContactAt)) {
      const { inContactAt: _dropped, ...rest } = row;
      rows.push(rest);
    } else {
      rows.push(row);
    }
  }
  return rows;
}

/** The catalog entry of a row: its properties' schemas, counter window and contact touchpoint. */
export function toCustomerEventType(row: EventTypeRow): CustomerEventType {
  const properties: CustomerEventType['properties'] = {};
  for (const [name, hint] of Object.entries(row.properties)) {
    properties[name] = toPropertyDefinition(hint);
  }
  return {
    id: row.id,
    name: { ...row.name },
    category: row.category,
    properties,
    ...(row.counterWindowDays !== undefined && { counterWindowDays: row.counterWindowDays }),
    ...(row.inContactAt !== undefined && { inContactAt: row.inContactAt }),
  };
}

function partnerEventRow(n: number): EventTypeRow {
  return eventTypeRow(
    `partner-event-${n}`,
    'partner',
    `合作方事件${n}`,
    `Partner event ${n}`,
    0.5,
    {
      score: int(0, 100),
      partner: oneOf('bank', 'airline', 'retailer', 'streaming'),
    },
  );
}
