import { buildTagIndex, hasStaticTag, type CustomerProfile } from '@omnitouch/core';
import { describe, expect, it } from 'vitest';
import { generateOperatorCatalog } from './operator-catalog';
import { customerIdAt, generatePopulation } from './operator-population';

const catalog = generateOperatorCatalog({ seed: 42 });
const tagIndex = buildTagIndex(catalog.tagCatalog);
const bitOf = (id: string): number => tagIndex.staticBits.get(id) ?? -1;
const population = (seed: number, customers: number): CustomerProfile[] => [
  ...generatePopulation({ seed, customers, catalog, tagIndex }),
];
const profiles = population(42, 4000);

const countTags = (profile: CustomerProfile): number =>
  profile.tags.reduce((sum, word) => {
    let bits = 0;
    for (let w = word; w !== 0; w &= w - 1) {
      bits++;
    }
    return sum + bits;
  }, 0);

describe(generatePopulation.name, () => {
  it('gives identical profiles for the same seed and different ones for another seed', () => {
    const serialise = (ps: CustomerProfile[]) =>
      JSON.stringify(ps.map((p) => ({ ...p, tags: [...p.tags] })));
    expect(serialise(population(42, 200))).toBe(serialise(profiles.slice(0, 200)));
    expect(serialise(population(43, 200))).not.toBe(serialise(profiles.slice(0, 200)));
  });

  it('numbers customers with mobile-number ids and China Standard Time', () => {
    expect(profiles[0]?.customerId).toBe('13800000000');
    expect(profiles[3999]?.customerId).toBe(customerIdAt(3999));
    expect(profiles.every((p) => p.utcOffsetMinutes === 480)).toBe(true);
  });

  it('sets 5–15 % of the 1,200 tags on an average customer', () => {
    const average = profiles.reduce((sum, p) => sum + countTags(p), 0) / profiles.length;
    expect(average / 1200).toBeGreaterThan(0.05);
    expect(average / 1200).toBeLessThan(0.15);
  });

  it('gives every profile every catalog attribute, with tags that agree with them', () => {
    const attributeIds = catalog.tagCatalog.attributes.map((a) => a.id).sort();
    for (const profile of profiles) {
      expect(Object.keys(profile.attributes).sort()).toEqual(attributeIds);
      expect(hasStaticTag(profile, bitOf('high-arpu'))).toBe(
        Number(profile.attributes.arpu) >= 150,
      );
      expect(hasStaticTag(profile, bitOf('5g-plan'))).toBe(
        String(profile.attributes.plan).startsWith('5g'),
      );
    }
  });

  it('makes value-leaning tags more common among high-value customers', () => {
    const share = (segments: string[], tagId: string) => {
      const group = profiles.filter((p) =>
        segments.includes(String(p.attributes['value-segment'])),
      );
      return group.filter((p) => hasStaticTag(p, bitOf(tagId))).length / group.length;
    };
    expect(share(['platinum', 'diamond'], 'frequent-roamer')).toBeGreaterThan(
      2 * share(['mass'], 'frequent-roamer'),
    );
    expect(share(['mass'], 'price-sensitive')).toBeGreaterThan(
      2 * share(['platinum', 'diamond'], 'price-sensitive'),
    );
  });

  it('leaves a few per cent unsubscribed or opted out of SMS', () => {
    const unsubscribed = profiles.filter((p) => p.consent.unsubscribed).length / profiles.length;
    const noSms =
      profiles.filter((p) => p.consent.optedOutMethods?.includes('sms') === true).length /
      profiles.length;
    expect(unsubscribed).toBeGreaterThan(0.01);
    expect(unsubscribed).toBeLessThan(0.06);
    expect(noSms).toBeGreaterThan(0.03);
    expect(noSms).toBeLessThan(0.1);
  });

  it('streams: the first profiles of a ten-million population arrive without generating the rest', () => {
    const stream = generatePopulation({ seed: 42, customers: 10_000_000, catalog, tagIndex });
    const first = stream.next();
    expect(first.done).toBe(false);
    expect(first.value?.customerId).toBe(customerIdAt(0));
  });
});
