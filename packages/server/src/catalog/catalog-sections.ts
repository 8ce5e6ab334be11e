import { pointer, type CatalogSnapshot, type FieldIssue } from '@omnitouch/core';
import type { CatalogCollection, CatalogItem } from '@omnitouch/contracts';

export interface CatalogSection<C extends CatalogCollection> {
  /** JSON Pointer of the list in a snapshot. */
  readonly path: string;
  read(snapshot: CatalogSnapshot): readonly CatalogItem<C>[];
  write(snapshot: CatalogSnapshot, items: CatalogItem<C>[]): CatalogSnapshot;
}

type CatalogSections = { readonly [C in CatalogCollection]: CatalogSection<C> };

/** Where each URL collection lives in a `CatalogSnapshot`. */
export const catalogSections: CatalogSections = {
  'tag-categories': {
    path: '/tagCatalog/categories',
    read: (snapshot) => snapshot.tagCatalog.categories,
    write: (snapshot, categories) => ({
      ...snapshot,
      tagCatalog: { ...snapshot.tagCatalog, categories },
    }),
  },
  tags: {
    path: '/tagCatalog/tags',
    read: (snapshot) => snapshot.tagCatalog.tags,
    write: (snapshot, tags) => ({ ...snapshot, tagCatalog: { ...snapshot.tagCatalog, tags } }),
  },
  attributes: {
    path: '/tagCatalog/attributes',
    read: (snapshot) => snapshot.tagCatalog.attributes,
    write: (snapshot, attributes) => ({
      ...snapshot,
      tagCatalog: { ...snapshot.tagCatalog, attributes },
    }),
  },
  'event-types': {
    path: '/eventTypes',
    read: (snapshot) => snapshot.eventTypes,
    write: (snapshot, eventTypes) => ({ ...snapshot, eventTypes }),
  },
  touchpoints: {
    path: '/touchpoints',
    read: (snapshot) => snapshot.touchpoints,
    write: (snapshot, touchpoints) => ({ ...snapshot, touchpoints }),
  },
  cases: {
    path: '/cases',
    read: (snapshot) => snapshot.cases,
    write: (snapshot, cases) => ({ ...snapshot, cases }),
  },
};

/** The section of `collection`, typed by it (indexing the mapped type keeps the correlation). */
export function sectionOf<C extends CatalogCollection>(collection: C): CatalogSection<C> {
  return catalogSections[collection];
}

const sectionEntries = Object.entries(catalogSections) as [
  CatalogCollection,
  CatalogSection<CatalogCollection>,
][];

/**
 * Rewrites an issue's snapshot pointer (`/cases/3/touchpoints/0/touchpointId`) into the API's
 * resource space (`/cases/winback/touchpoints/0/touchpointId`, `/contact-policy/perTouchpoint`):
 * clients address items by id, and indexes shift as items are added.
 */
export function toResourceIssue(issue: FieldIssue, snapshot: CatalogSnapshot): FieldIssue {
  if (issue.field === '/contactPolicy' || issue.field.startsWith('/contactPolicy/')) {
    return { ...issue, field: issue.field.replace(/^\/contactPolicy/, '/contact-policy') };
  }
  for (const [collection, section] of sectionEntries) {
    const match = new RegExp(`^${section.path}/(\\d+)(/.*)?$`).exec(issue.field);
    const item = match && section.read(snapshot)[Number(match[1])];
    if (match && item) {
      return { ...issue, field: `${pointer(`/${collection}`, item.id)}${match[2] ?? ''}` };
    }
  }
  return issue;
}
