import { Type, type Static } from '@sinclair/typebox';
import { CatalogId, LocalizedText } from '../i18n/localized-text';

/** A group of tags shown together (the reference operator has 80+: value, consumption, device...). */
export const TagCategory = Type.Object(
  {
    id: CatalogId,
    name: LocalizedText,
  },
  { additionalProperties: false },
);
export type TagCategory = Static<typeof TagCategory>;

/**
 * What sets a real-time tag: an event of `eventType` (optionally only when `condition`, a rule over
 * the event's properties, holds). The tag then holds for `ttlSeconds` after the event.
 */
export const RealtimeTagTrigger = Type.Object(
  {
    eventType: CatalogId,
    condition: Type.Optional(Type.Unknown({ description: 'JSON Logic rule over the event' })),
  },
  { additionalProperties: false },
);
export type RealtimeTagTrigger = Static<typeof RealtimeTagTrigger>;

/**
 * A boolean customer tag. `kind: 'realtime'` tags are set by events and expire after `ttlSeconds`
 * ("roaming now", "visited a store in the last hour"); `static` tags come from imports.
 */
export const Tag = Type.Object(
  {
    id: CatalogId,
    categoryId: CatalogId,
    name: LocalizedText,
    kind: Type.Union([Type.Literal('static'), Type.Literal('realtime')]),
    ttlSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 * 86400 })),
    setBy: Type.Optional(Type.Array(RealtimeTagTrigger, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type Tag = Static<typeof Tag>;

export const AttributeType = Type.Union([
  Type.Literal('number'),
  Type.Literal('string'),
  Type.Literal('enum'),
  Type.Literal('date'),
]);
export type AttributeType = Static<typeof AttributeType>;

/**
 * A typed customer attribute (ARPU, data-quota used %, city, device, tenure...). `date` values are
 * stored as epoch milliseconds so rules compare them as numbers.
 */
export const AttributeDefinition = Type.Object(
  {
    id: CatalogId,
    categoryId: CatalogId,
    name: LocalizedText,
    type: AttributeType,
    values: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 1000 }),
    ),
    unit: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);
export type AttributeDefinition = Static<typeof AttributeDefinition>;

/** Everything that describes who a customer is: categories, tags and typed attributes. */
export const TagCatalog = Type.Object(
  {
    categories: Type.Array(TagCategory, { maxItems: 1000 }),
    tags: Type.Array(Tag, { maxItems: 20000 }),
    attributes: Type.Array(AttributeDefinition, { maxItems: 2000 }),
  },
  { additionalProperties: false },
);
export type TagCatalog = Static<typeof TagCatalog>;
