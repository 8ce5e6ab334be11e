import type { Tag, TagCatalog } from '@omnitouch/core';
import { headTagRows, qualifierRows } from './head-tags';
import { operatorAttributes } from './operator-attributes';
import { realtimeTags } from './realtime-tags';
import { hashString } from './seeded-random';
import { buildCategorySeeds, type CategorySeed } from './tag-categories';

const headPrevalence = new Map(headTagRows.map(([id, , , , prevalence]) => [id, prevalence]));

/**
 * The share of customers carrying `tag` before the value-segment skew: the planner-named head
 * tags have their own, the long tail follows from the id's hash (a few common, most rare), so a
 * population can be generated for any catalog. Averages ~9 % over the reference 1,200 tags.
 */
export function prevalenceOfTag(tagId: string): number {
  const head = headPrevalence.get(tagId);
  if (head !== undefined) {
    return head;
  }
  const bucket = hashString(tagId) % 20;
  if (bucket < 2) {
    return 0.3;
  }
  return bucket < 6 ? 0.12 : bucket < 13 ? 0.06 : 0.03;
}

/**
 * The tag catalog: `categoryCount` categories, then exactly `tagCount` tags (when the categories
 * allow): head tags, real-time tags whose setting events exist, then "stem × qualifier" long tail.
 */
export function buildTagCatalog(
  categoryCount: number,
  tagCount: number,
  eventTypeIds: ReadonlySet<string>,
): TagCatalog {
  const seeds = buildCategorySeeds(categoryCount);
  const categoryIds = new Set(seeds.map((s) => s.category.id));
  const named: Tag[] = [
    ...headTagRows.map(([id, categoryId, zh, en]): Tag => ({
      id,
      categoryId,
      name: { 'zh-CN': zh, en },
      kind: 'static',
    })),
    ...realtimeTags
      .map((tag) => ({ ...tag, setBy: tag.setBy?.filter((t) => eventTypeIds.has(t.eventType)) }))
      .filter((tag) => (tag.setBy?.length ?? 0) > 0),
  ].filter((tag) => categoryIds.has(tag.categoryId));
  const tags = [...named.slice(0, tagCount), ...longTailTags(seeds, tagCount - named.length)];
  return {
    categories: seeds.map((s) => s.category),
    tags,
    attributes: operatorAttributes.filter((a) => categoryIds.has(a.categoryId)),
  };
}

function longTailTags(seeds: readonly CategorySeed[], count: number): Tag[] {
  const tags: Tag[] = [];
  // Qualifier-major order spreads the long tail evenly over the categories.
  for (let round = 1; tags.length < count && seeds.length > 0; round++) {
    for (const [qualifierId, qualifierZh, qualifierEn] of qualifierRows) {
      for (const { category, stem } of seeds) {
        if (tags.length >= count) {
          return tags;
        }
        const suffix = round === 1 ? '' : `-${round}`;
        tags.push({
          id: `${category.id}.${qualifierId}${suffix}`,
          categoryId: category.id,
          name: {
            'zh-CN': `${stem['zh-CN']}${qualifierZh}${suffix}`,
            en: `${stem.en}: ${qualifierEn}${suffix}`,
          },
          kind: 'static',
        });
      }
    }
  }
  return tags;
}
