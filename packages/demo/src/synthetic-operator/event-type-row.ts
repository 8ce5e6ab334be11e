import type { PropertyHint } from './event-property-hint';

/** One synthetic event type: its catalog entry's facts plus how often it happens in the stream. */
export interface EventTypeRow {
  readonly id: string;
  readonly category: string;
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  /** Relative frequency in the live stream (usage and billing dominate; in-contact events are rarer). */
  readonly weight: number;
  readonly properties: Readonly<Record<string, PropertyHint>>;
  readonly counterWindowDays?: number;
  readonly inContactAt?: string;
  /** Trigger conditions (JSON Logic over the event and the profile) a case fired by this type may carry. */
  readonly triggerConditions?: readonly unknown[];
}

type RowExtras = Pick<EventTypeRow, 'counterWindowDays' | 'inContactAt' | 'triggerConditions'>;

/** Shorthand for a table row. */
export function eventTypeRow(
  id: string,
  category: string,
  zh: string,
  en: string,
  weight: number,
  properties: Readonly<Record<string, PropertyHint>> = {},
  extras: RowExtras = {},
): EventTypeRow {
  return { id, category, name: { 'zh-CN': zh, en }, weight, properties, ...extras };
}

/** `{"op": [{"var": "event.<property>"}, value]}`: a condition on the triggering event. */
export const onEvent = (op: string, property: string, value: unknown): unknown => ({
  [op]: [{ var: `event.${property}` }, value],
});

/** `{"op": [{"event_count": [type, days]}, value]}`: a condition on the customer's event counter. */
export const onCount = (op: string, eventType: string, days: number, value: number): unknown => ({
  [op]: [{ event_count: [eventType, days] }, value],
});

/** The operator's plan ids, shared by plan attributes and plan-change events. */
export const planIds = [
  '5g-smart-129',
  '5g-smart-169',
  '5g-smart-239',
  '5g-family-199',
  'big-data-19',
  'campus-39',
  'unlimited-4g-58',
  'senior-care-18',
  'global-pass-399',
  'basic-8',
] as const;

/** Handset brands, shared by the device attributes and device events. */
export const deviceBrands = ['apple', 'huawei', 'xiaomi', 'oppo', 'vivo', 'honor'] as const;
