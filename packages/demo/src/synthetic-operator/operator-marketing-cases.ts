import type { MarketingCase, Touchpoint } from '@omnitouch/core';
import { drawStrategies } from './case-strategies';
import { drawTargetRule, type TargetingContext } from './case-targeting';
import type { EventTypeRow } from './event-type-row';
import { offerProducts, type OfferProduct } from './offer-products';
import type { SeededRandom } from './seeded-random';

const day = 86_400_000;
/** Segment variants a planner runs at most per (product, event): on events it suits, and elsewhere. */
const maxVariants = { suited: 6, generic: 3 } as const;

/** Events at which any product may be offered: the customer is with us, or reads their bill. */
const genericMoments = [
  'app-session-start',
  'store-visit',
  'hotline-call',
  'online-hall-login',
  'mini-program-open',
  'partner-shop-visit',
  'ivr-call',
  'bill-issued',
];

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
 * something; the rest sell a product on an event it suits or at a generic marketing moment.
 */
export function generateMarketingCases(input: CaseGenerationInput): MarketingCase[] {
  const { count, eventTypes, random } = input;
  const byId = new Map(eventTypes.map((row) => [row.id, row]));
  const variants = new Map<string, number>();
  const cases: MarketingCase[] = [];
  for (let n = 0; n < count; n++) {
    const first = eventTypes[n];
    const [product, eventType] =
      first === undefined
        ? drawPairing(byId, variants, random)
        : [productFor(first, random), first];
    const pair = `${product.id} ${eventType.id}`;
    variants.set(pair, (variants.get(pair) ?? 0) + 1);
    cases.push(buildCase(n + 1, product, eventType, input));
  }
  return numberVariants(cases);
}

/** Two variants with the same product, event and segment get "· v2", "· v3" so names stay unique. */
function numberVariants(cases: MarketingCase[]): MarketingCase[] {
  const seen = new Map<string, number>();
  return cases.map((c) => {
    const variant = (seen.get(c.name.en) ?? 0) + 1;
    seen.set(c.name.en, variant);
    return variant === 1
      ? c
      : {
          ...c,
          name: { 'zh-CN': `${c.name['zh-CN']}·v${variant}`, en: `${c.name.en} · v${variant}` },
        };
  });
}

function productFor(eventType: EventTypeRow, random: SeededRandom): OfferProduct {
  const suited = offerProducts.filter((p) => p.triggers.includes(eventType.id));
  return random.pick(suited.length > 0 ? suited : offerProducts);
}

/**
 * A product and the event it is offered on: mostly one of the events the product suits, else a
 * generic marketing moment (a store visit, an app session, a bill), with a few segment variants
 * per pairing at most, as a planner would not run more on one trigger.
 */
function drawPairing(
  byId: ReadonlyMap<string, EventTypeRow>,
  variants: ReadonlyMap<string, number>,
  random: SeededRandom,
): [OfferProduct, EventTypeRow] {
  const product = random.pick(offerProducts);
  const open = (ids: readonly string[], max: number) =>
    ids.flatMap((id) => {
      const row = byId.get(id);
      return row !== undefined && (variants.get(`${product.id} ${id}`) ?? 0) < max ? [row] : [];
    });
  const suited = open(product.triggers, maxVariants.suited);
  if (suited.length > 0 && random.chance(0.75)) {
    return [product, random.pick(suited)];
  }
  const generic = open(genericMoments, maxVariants.generic);
  return [product, generic.length > 0 ? random.pick(generic) : random.pick([...byId.values()])];
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
