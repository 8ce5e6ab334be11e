import { Type, type Static } from '@sinclair/typebox';

/** A user-facing text in both languages the product ships: Simplified Chinese and English. */
export const LocalizedText = Type.Object(
  {
    'zh-CN': Type.String({ minLength: 1, maxLength: 500 }),
    en: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type LocalizedText = Static<typeof LocalizedText>;

/** Catalog identifiers are stable kebab-case slugs so they can be used in URLs, rules and logs. */
export const CatalogId = Type.String({
  pattern: '^[a-z0-9][a-z0-9._-]{0,79}$',
  description: 'lower-case slug: a-z, 0-9, ".", "_" or "-", at most 80 characters',
});
export type CatalogId = Static<typeof CatalogId>;
