import {
  buildTagIndex,
  createCustomerProfile,
  setStaticTag,
  type CatalogSnapshot,
  type CustomerProfile,
  type TagIndex,
} from '@omnitouch/core';
import { derivedTags } from './derived-tags';
import { operatorReferenceTime } from './operator-catalog';
import { drawAttributes } from './profile-attributes';
import {
  createSeededRandom,
  cumulativeWeights,
  deriveSeed,
  pickWeighted,
  type SeededRandom,
} from './seeded-random';
import { buildTagSampler, drawTagBits } from './tag-sampler';

/** Share of customers per value segment, mass first. */
const segmentWeights = cumulativeWeights([0.38, 0.3, 0.18, 0.1, 0.04]);

/** The id of the `index`-th synthetic customer: an 11-digit mobile number (138…). */
export function customerIdAt(index: number): string {
  return String(13_800_000_000 + index);
}

/** What `generatePopulation` generates, and with which catalog's tag bits. */
export interface PopulationOptions {
  readonly seed: number;
  readonly customers: number;
  readonly catalog: CatalogSnapshot;
  /** The bit numbering to use; pass the compiled `DecisionCatalog.tagIndex`. Built from the catalog when absent. */
  readonly tagIndex?: TagIndex;
  /** "Now" for date attributes (contract end); defaults to `operatorReferenceTime`. */
  readonly referenceTime?: number;
}

/**
 * Streams `customers` profiles (ids `customerIdAt(0…)`), one at a time, so a million customers
 * never sit in one array. Each carries every catalog attribute, ~5–15 % of the static tags
 * (skewed by value segment; ARPU, device, plan and age tags agree with the attributes), consent
 * (a few % unsubscribed or opted out of SMS/push/e-mail) and China Standard Time. Deterministic.
 */
export function* generatePopulation(
  options: PopulationOptions,
): Generator<CustomerProfile, void, undefined> {
  const { catalog, customers } = options;
  const tagIndex = options.tagIndex ?? buildTagIndex(catalog.tagCatalog);
  const sampler = buildTagSampler(catalog.tagCatalog, tagIndex);
  const derived = [...derivedTags].flatMap(([id, holds]) => {
    const bit = tagIndex.staticBits.get(id);
    return bit === undefined ? [] : [{ bit, holds }];
  });
  const now = options.referenceTime ?? operatorReferenceTime;
  const random = createSeededRandom(deriveSeed(options.seed, 'population'));
  for (let index = 0; index < customers; index++) {
    const segment = pickWeighted(segmentWeights, random);
    const profile = createCustomerProfile(customerIdAt(index), tagIndex);
    profile.attributes = drawAttributes(catalog.tagCatalog.attributes, segment, random, now);
    drawTagBits(sampler, segment, random, (bit) => setStaticTag(profile, bit, true));
    for (const { bit, holds } of derived) {
      setStaticTag(profile, bit, holds(profile.attributes));
    }
    drawConsent(profile, random);
    profile.utcOffsetMinutes = 480;
    yield profile;
  }
}

function drawConsent(profile: CustomerProfile, random: SeededRandom): void {
  const roll = random.next();
  if (roll < 0.03) {
    profile.consent.unsubscribed = true;
  } else if (roll < 0.08) {
    profile.consent.optedOutMethods = ['sms'];
  } else if (roll < 0.095) {
    profile.consent.optedOutMethods = ['app-push'];
  } else if (roll < 0.105) {
    profile.consent.optedOutMethods = ['email', 'sms'];
  }
}
