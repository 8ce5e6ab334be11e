import type { RuleScope } from '../rule/index';
import type { TagCatalog } from '../tag-catalog/tag-catalog.schema';
import type { TagIndex } from '../tag-catalog/tag-index';
import { mapById } from './catalog-ids';
import type { CatalogSnapshot } from './catalog-snapshot.schema';

/** What the snapshot's rules may refer to: the target scope, and one trigger scope per event type. */
export interface CatalogRuleScopes {
  readonly target: RuleScope;
  /** The scope of a condition triggered by `eventTypeId`; `undefined` for an unknown type. */
  forEvent(eventTypeId: string): RuleScope | undefined;
}

/**
 * Builds the rule scopes of `snapshot` over `tagIndex`. Rules see only the snapshot's own tags,
 * even though `tagIndex` keeps the bits of removed tags: a rule naming a removed tag is an error.
 */
export function buildCatalogRuleScopes(
  snapshot: CatalogSnapshot,
  tagIndex: TagIndex,
): CatalogRuleScopes {
  const eventTypes = mapById(snapshot.eventTypes);
  const target: RuleScope = {
    tagIndex: currentTagIndex(tagIndex, snapshot.tagCatalog),
    attributes: mapById(snapshot.tagCatalog.attributes),
    eventTypes,
  };
  return {
    target,
    forEvent(eventTypeId) {
      const event = eventTypes.get(eventTypeId);
      return event === undefined ? undefined : { ...target, event };
    },
  };
}

function currentTagIndex(full: TagIndex, catalog: TagCatalog): TagIndex {
  const staticIds = new Set<string>();
  const realtimeIds = new Set<string>();
  for (const tag of catalog.tags) {
    (tag.kind === 'static' ? staticIds : realtimeIds).add(tag.id);
  }
  return {
    staticBits: new Map([...full.staticBits].filter(([id]) => staticIds.has(id))),
    realtimeBits: new Map([...full.realtimeBits].filter(([id]) => realtimeIds.has(id))),
    words: full.words,
  };
}
