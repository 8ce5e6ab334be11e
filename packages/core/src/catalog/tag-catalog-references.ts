import type { TagCatalog } from '../tag-catalog/tag-catalog.schema';
import { pointer, type FieldIssue } from '../validation/field-issue';
import { findDuplicateIds } from './catalog-ids';

const base = '/tagCatalog';

/**
 * Cross-references inside the tag catalog and from tags to event types: duplicate ids, unknown
 * categories, enum attributes without values, real-time tags without a TTL, static tags with
 * `setBy`, and `setBy` naming an unknown event type. (Trigger conditions are checked with rules.)
 */
export function checkTagCatalogReferences(
  catalog: TagCatalog,
  eventTypeIds: ReadonlySet<string>,
): FieldIssue[] {
  const categoryIds = new Set(catalog.categories.map((category) => category.id));
  const issues = [
    ...findDuplicateIds(catalog.categories, `${base}/categories`, 'tag category'),
    ...findDuplicateIds(catalog.tags, `${base}/tags`, 'tag'),
    ...findDuplicateIds(catalog.attributes, `${base}/attributes`, 'attribute'),
  ];
  catalog.tags.forEach((tag, index) => {
    const at = pointer(`${base}/tags`, index);
    if (!categoryIds.has(tag.categoryId)) {
      issues.push(unknownCategory(at, tag.categoryId));
    }
    if (tag.kind === 'realtime' && tag.ttlSeconds === undefined) {
      issues.push({ field: `${at}/ttlSeconds`, reason: 'a real-time tag needs a ttlSeconds' });
    }
    if (tag.kind === 'static' && tag.setBy !== undefined) {
      issues.push({
        field: `${at}/setBy`,
        reason: 'a static tag is set by imports, not by events: make it real-time or drop setBy',
      });
    }
    tag.setBy?.forEach((trigger, triggerIndex) => {
      if (!eventTypeIds.has(trigger.eventType)) {
        issues.push({
          field: `${at}/setBy/${triggerIndex}/eventType`,
          reason: `unknown event type '${trigger.eventType}'`,
        });
      }
    });
  });
  catalog.attributes.forEach((attribute, index) => {
    const at = pointer(`${base}/attributes`, index);
    if (!categoryIds.has(attribute.categoryId)) {
      issues.push(unknownCategory(at, attribute.categoryId));
    }
    if (attribute.type === 'enum' && attribute.values === undefined) {
      issues.push({ field: `${at}/values`, reason: 'an enum attribute needs its list of values' });
    }
  });
  return issues;
}

function unknownCategory(at: string, categoryId: string): FieldIssue {
  return { field: `${at}/categoryId`, reason: `unknown tag category '${categoryId}'` };
}
