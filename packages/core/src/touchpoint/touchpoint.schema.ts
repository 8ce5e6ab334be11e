import { Type, type Static } from '@sinclair/typebox';
import { CatalogId, LocalizedText } from '../i18n/localized-text';

/** "HH:MM" on a 24-hour clock, in the customer's local time. */
export const LocalTime = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'HH:MM, 24-hour',
});

/**
 * Hours in which this touchpoint must not disturb a customer (local time; may wrap midnight,
 * e.g. 21:00–08:00). `defer` holds the contact until the window ends, for at most `deferMaxHours`;
 * `drop` discards it.
 */
export const QuietHours = Type.Object(
  {
    start: LocalTime,
    end: LocalTime,
    action: Type.Union([Type.Literal('defer'), Type.Literal('drop')]),
    deferMaxHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 72 })),
  },
  { additionalProperties: false },
);
export type QuietHours = Static<typeof QuietHours>;

/**
 * Every chance to interact with a customer. `inbound`: the customer is in contact with us (store,
 * call centre, app session); `outbound`: we reach out (SMS, push, outbound call). `audience: 'staff'`
 * means the offer is shown to the clerk or agent serving the customer.
 */
export const Touchpoint = Type.Object(
  {
    id: CatalogId,
    name: LocalizedText,
    kind: Type.Union([Type.Literal('inbound'), Type.Literal('outbound')]),
    audience: Type.Union([Type.Literal('customer'), Type.Literal('staff')]),
    category: Type.Optional(
      Type.Union([
        Type.Literal('communication'),
        Type.Literal('channel'),
        Type.Literal('staff'),
        Type.Literal('brand'),
      ]),
    ),
    deliveryMethods: Type.Array(CatalogId, { minItems: 1, maxItems: 20, uniqueItems: true }),
    preferredDeliveryMethod: CatalogId,
    /** Whether a contact here counts towards the customer's disturbance caps. */
    isDisturbance: Type.Boolean(),
    quietHours: Type.Optional(QuietHours),
    /** Contacts per minute this touchpoint can carry (for staffed touchpoints: per staff member). */
    capacityPerMinute: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000 })),
    staffed: Type.Optional(Type.Boolean()),
    costPerContact: Type.Number({ minimum: 0, maximum: 1_000_000 }),
    /** Arbitration weight for offers on this touchpoint (the "context" factor of P×C×V×L). */
    contextWeight: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type Touchpoint = Static<typeof Touchpoint>;
