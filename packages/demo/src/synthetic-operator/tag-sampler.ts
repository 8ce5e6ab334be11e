import type { TagCatalog, TagIndex } from '@omnitouch/core';
import { derivedTags } from './derived-tags';
import { prevalenceOfTag } from './operator-tags';
import type { SeededRandom } from './seeded-random';
import { affinityOfCategory } from './tag-categories';

/** How much more (or less) common a category's tags are in each value segment, mass first. */
const segmentMultipliers = {
  [-1]: [1.8, 1.3, 0.9, 0.6, 0.4],
  0: [1, 1, 1, 1, 1],
  1: [0.5, 0.8, 1.2, 1.7, 2.2],
} as const;

/** Tags of one segment sharing one probability: drawn together by geometric skipping. */
interface TagGroup {
  readonly bits: readonly number[];
  /** `ln(1 - p)`. */
  readonly logMiss: number;
}

/** Per value segment, the static tags grouped by how likely a customer is to carry them. */
export type TagSampler = readonly (readonly TagGroup[])[];

/** Groups the catalog's chance-drawn static tags (derived ones excluded) for each of the 5 segments. */
export function buildTagSampler(catalog: Pick<TagCatalog, 'tags'>, tagIndex: TagIndex): TagSampler {
  return [0, 1, 2, 3, 4].map((segment) => {
    const groups = new Map<number, number[]>();
    for (const tag of catalog.tags) {
      const bit = tagIndex.staticBits.get(tag.id);
      if (tag.kind !== 'static' || bit === undefined || derivedTags.has(tag.id)) {
        continue;
      }
      const multiplier = segmentMultipliers[affinityOfCategory(tag.categoryId)][segment] ?? 1;
      const p = Math.min(0.9, Math.round(prevalenceOfTag(tag.id) * multiplier * 1000) / 1000);
      groups.set(p, [...(groups.get(p) ?? []), bit]);
    }
    return [...groups].map(([p, bits]) => ({ bits, logMiss: Math.log(1 - p) }));
  });
}

/**
 * Calls `set` for each tag the customer carries. Geometric skipping draws one random number per
 * tag set (not one per tag), which keeps a million customers × 1,200 tags to a couple of seconds.
 */
export function drawTagBits(
  sampler: TagSampler,
  segment: number,
  random: SeededRandom,
  set: (bit: number) => void,
): void {
  for (const { bits, logMiss } of sampler[segment] ?? []) {
    let i = -1;
    for (;;) {
      i += 1 + Math.floor(Math.log(1 - random.next()) / logMiss);
      const bit = bits[i];
      if (bit === undefined) {
        break;
      }
      set(bit);
    }
  }
}
