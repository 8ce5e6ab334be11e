import { defaultContactPolicy, type CatalogSnapshot, type ContactPolicy } from '@omnitouch/core';
import { buildTargetingContext } from './case-targeting';
import { selectEventTypeRows, toCustomerEventType } from './operator-event-types';
import { generateMarketingCases } from './operator-marketing-cases';
import { buildTagCatalog } from './operator-tags';
import { operatorTouchpoints } from './operator-touchpoints';
import { createSeededRandom, deriveSeed } from './seeded-random';

/**
 * The fixed instant the synthetic operator lives around: 2026-12-01 00:00 China Standard Time.
 * Cases are valid from half a year before to half a year after it; streams usually start here.
 */
export const operatorReferenceTime = Date.UTC(2026, 10, 30, 16, 0, 0);

/** Sizes of the generated catalog; the defaults are the reference operator's. */
export interface OperatorCatalogOptions {
  readonly seed: number;
  readonly categories?: number;
  readonly tags?: number;
  readonly eventTypes?: number;
  readonly touchpoints?: number;
  readonly cases?: number;
  /** Defaults to `operatorReferenceTime`. */
  readonly referenceTime?: number;
}

/**
 * The contact policy of the reference operator: the default caps (15 disturbances per 30 days,
 * 2 a day) plus per-touchpoint caps on the costly or intrusive outbound channels.
 */
export const operatorContactPolicy: ContactPolicy = {
  ...defaultContactPolicy,
  perTouchpoint: {
    sms: { count: 6, periodDays: 30 },
    '5g-message': { count: 4, periodDays: 30 },
    'app-push': { count: 10, periodDays: 30 },
    'outbound-call': { count: 1, periodDays: 30 },
    'flash-sms': { count: 2, periodDays: 30 },
  },
};

/**
 * A realistic Chinese telecom operator's catalog (80 tag categories, 1,200 tags, 112 event types,
 * 20 touchpoints, 1,000 live cases by default) that passes `validateCatalogSnapshot`. Pure and
 * deterministic: the same options give a byte-identical snapshot.
 */
export function generateOperatorCatalog(options: OperatorCatalogOptions): CatalogSnapshot {
  const { seed, categories = 80, tags = 1200, eventTypes = 112, cases = 1000 } = options;
  const touchpoints = operatorTouchpoints.slice(
    0,
    options.touchpoints ?? operatorTouchpoints.length,
  );
  const touchpointsById = new Map(touchpoints.map((t) => [t.id, t]));
  const eventRows = selectEventTypeRows(eventTypes, new Set(touchpointsById.keys()));
  const tagCatalog = buildTagCatalog(categories, tags, new Set(eventRows.map((row) => row.id)));
  const targeting = buildTargetingContext(
    tagCatalog.tags,
    new Set(tagCatalog.attributes.map((a) => a.id)),
  );
  const perTouchpoint = Object.fromEntries(
    Object.entries(operatorContactPolicy.perTouchpoint).filter(([id]) => touchpointsById.has(id)),
  );
  return {
    tagCatalog,
    eventTypes: eventRows.map(toCustomerEventType),
    touchpoints: touchpoints.map((t) => ({ ...t })),
    cases: generateMarketingCases({
      count: cases,
      eventTypes: eventRows,
      touchpoints: touchpointsById,
      targeting,
      referenceTime: options.referenceTime ?? operatorReferenceTime,
      random: createSeededRandom(deriveSeed(seed, 'cases')),
    }),
    contactPolicy: { ...operatorContactPolicy, perTouchpoint },
  };
}
