import { Type, type Static } from '@sinclair/typebox';
import { CatalogId, LocalizedText } from '../i18n/localized-text';

export const EventPropertyType = Type.Union([
  Type.Literal('number'),
  Type.Literal('string'),
  Type.Literal('boolean'),
  Type.Literal('enum'),
  Type.Literal('date'),
]);
export type EventPropertyType = Static<typeof EventPropertyType>;

export const EventPropertyDefinition = Type.Object(
  {
    type: EventPropertyType,
    required: Type.Optional(Type.Boolean()),
    values: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 1000 }),
    ),
  },
  { additionalProperties: false },
);
export type EventPropertyDefinition = Static<typeof EventPropertyDefinition>;

/**
 * A kind of customer event (the reference operator has 112: a top-up, a quota alert, a store
 * visit...). `counterWindowDays` makes the profile count these events per day for that many days,
 * so rules can ask "3rd top-up in 30 days"; types without it are not counted (memory is per customer).
 */
export const CustomerEventType = Type.Object(
  {
    id: CatalogId,
    name: LocalizedText,
    category: CatalogId,
    properties: Type.Record(
      Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' }),
      EventPropertyDefinition,
    ),
    counterWindowDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 400 })),
    /** The touchpoint at which the customer is in contact when this event happens (a store visit, a hotline call). */
    inContactAt: Type.Optional(CatalogId),
  },
  { additionalProperties: false },
);
export type CustomerEventType = Static<typeof CustomerEventType>;

/** One thing that happened to a customer. `occurredAt` is epoch milliseconds. */
export const CustomerEvent = Type.Object(
  {
    eventId: Type.String({ minLength: 1, maxLength: 200 }),
    customerId: Type.String({ minLength: 1, maxLength: 200 }),
    type: CatalogId,
    occurredAt: Type.Number({ minimum: 0 }),
    properties: Type.Record(
      Type.String(),
      Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]),
    ),
  },
  { additionalProperties: false },
);
export type CustomerEvent = Static<typeof CustomerEvent>;
