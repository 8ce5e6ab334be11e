import type { MarketingCase, Touchpoint } from '@omnitouch/core';
import { drawStrategies } from './case-strategies';
import { drawTargetRule, type TargetingContext } from './case-targeting';
import type { EventTypeRow } from './event-type-row';
import { offerProducts, type OfferProduct } from './offer-products';
import type { SeededRandom } from './seeded-random';

const day = 86_400_000;

/** What the case generator draws from. */
export interface CaseGenerationInput {
  readonly count: number;
  readonly eventTypes: readonly EventTypeRow[];
  readonly touchpoints: ReadonlyMap<string, Touchpoint>;
  readonly targeting: TargetingContext;
  /** Cases are live for a year around this instant (epoch ms). */
  readonly referenceTime: number;
  readonly random: SeededRandom;
}

/**
 * `count` live marketing cases. The first one per event type guarantees every type triggers
 * something; the rest sell a product on one of the events it suits (now and then on any event).
 */
export function generateMarketingCases(input: CaseGenerationInput): MarketingCase[] {
  const { count, eventTypes, random } = input;
  const byId = new Map(eventTypes.map((row) => [row.id, row]));
  const cases: MarketingCase[] = [];
  for (let n = 0; n < count; n++) {
    let eventType = eventTypes[n];
    let product: OfferProduct;
    if (eventType !== undefined) {
      const id = eventType.id;
      const suited = offerProducts.filter((p) => p.triggers.includes(id));
      product = random.pick(suited.length > 0 ? suited : offerProducts);
    } else {
      product = random.pick(offerProducts);
      const suited = product.triggers.flatMap((id) => byId.get(id) ?? []);
      eventType =
        random.chance(0.85) && suited.length > 0 ? random.pick(suited) : random.pick(eventTypes);
    }
    cases.push(buildCase(n + 1, product, eventType, input));
  }
  return cases;
}

function buildCase(
  n: number,
  product: OfferProduct,
  eventType: EventTypeRow,
  input: CaseGenerationInput,
): MarketingCase {
  const { random, referenceTime } = input;
  const { rule, segmentName } = drawTargetRule(
    product.anchorTags,
    eventType.id,
    input.targeting,
    random,
  );
  const condition =
    eventType.triggerConditions !== undefined && random.chance(0.45)
      ? random.pick(eventType.triggerConditions)
      : undefined;
  return {
    id: `mc-${String(n).padStart(4, '0')}-${product.id}`,
    version: 1,
    name: {
      'zh-CN': `${product.name['zh-CN']}·${eventType.name['zh-CN']}·${segmentName['zh-CN']}`,
      en: `${product.name.en} · ${eventType.name.en} · ${segmentName.en}`,
    },
    status: 'live',
    targetRule: rule,
    trigger: { eventType: eventType.id, ...(condition !== undefined && { condition }) },
    touchpoints: drawStrategies(product.template, eventType.inContactAt, input.touchpoints, random),
    validFrom: referenceTime - 182 * day,
    validUntil: referenceTime + 183 * day,
    value: Math.round(product.value * (0.6 + random.next()) * 100) / 100,
    priority: Math.round((0.5 + random.next() * 4.5) * 10) / 10,
    caps: product.transactional === true ? {} : drawCaps(random),
    ...(random.chance(0.4) && { declineCooldownDays: random.pick([7, 14, 30, 60]) }),
    ...(product.transactional === true && { transactional: true }),
  };
}

function drawCaps(random: SeededRandom): MarketingCase['caps'] {
  return {
    perCustomer: { count: random.int(1, 2), periodDays: random.pick([7, 14, 30]) },
    ...(random.chance(0.3) && { lifetime: random.int(2, 6) }),
  };
}
