import { Type, type Static, type TSchema } from '@sinclair/typebox';
import {
  AttributeDefinition,
  CatalogId,
  ContactPolicy,
  CustomerEventType,
  MarketingCase,
  Tag,
  TagCategory,
  Touchpoint,
} from '@omnitouch/core';

/**
 * The catalog collections served under `/api/v1/catalog/<resource>`, each with the core schema of
 * one item. The body of `PUT /api/v1/catalog/<resource>/:id` is exactly that schema.
 */
export const catalogCollections = {
  'tag-categories': TagCategory,
  tags: Tag,
  attributes: AttributeDefinition,
  'event-types': CustomerEventType,
  touchpoints: Touchpoint,
  cases: MarketingCase,
} as const;

export type CatalogCollection = keyof typeof catalogCollections;

/** Item type of each collection (`CatalogItem<'cases'>` is a `MarketingCase`). */
export interface CatalogItems {
  'tag-categories': TagCategory;
  tags: Tag;
  attributes: AttributeDefinition;
  'event-types': CustomerEventType;
  touchpoints: Touchpoint;
  cases: MarketingCase;
}
export type CatalogItem<C extends CatalogCollection> = CatalogItems[C];

/** The collection names in URL order. */
export const catalogCollectionNames = Object.keys(catalogCollections) as CatalogCollection[];

/** `GET /api/v1/catalog/<resource>` answer: `{ items }` so paging can be added without a break. */
export function CatalogItemList<S extends TSchema>(item: S) {
  return Type.Object({ items: Type.Array(item) }, { additionalProperties: false });
}

/** Path parameters of routes addressing one catalog item. */
export const CatalogItemParams = Type.Object({ id: CatalogId }, { additionalProperties: false });
export type CatalogItemParams = Static<typeof CatalogItemParams>;

/** `GET/PUT /api/v1/catalog/contact-policy` body. */
export const ContactPolicyBody = ContactPolicy;
export type ContactPolicyBody = ContactPolicy;
