import { Type, type Static } from '@sinclair/typebox';
import { CatalogId, LocalizedText } from '../i18n/localized-text';

/**
 * How a case uses one of its touchpoints. Lower `preference` is tried first. `template` may contain
 * `{{variables}}` filled from the customer's attributes and the triggering event's properties.
 */
export const CaseTouchpointStrategy = Type.Object(
  {
    touchpointId: CatalogId,
    preference: Type.Integer({ minimum: 0, maximum: 1000 }),
    template: LocalizedText,
    deliveryMethod: Type.Optional(CatalogId),
    delaySeconds: Type.Integer({ minimum: 0, maximum: 30 * 86400 }),
    validForSeconds: Type.Integer({ minimum: 60, maximum: 90 * 86400 }),
    /** An outbound touchpoint may disturb a customer who is not in contact only when this is true. */
    allowOutbound: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type CaseTouchpointStrategy = Static<typeof CaseTouchpointStrategy>;

/** `count` contacts at most within any rolling `periodDays` days. */
export const FrequencyCap = Type.Object(
  {
    count: Type.Integer({ minimum: 0, maximum: 10_000 }),
    periodDays: Type.Integer({ minimum: 1, maximum: 400 }),
  },
  { additionalProperties: false },
);
export type FrequencyCap = Static<typeof FrequencyCap>;

/**
 * What fires a case: an event of `eventType`, when `condition` (a rule over the event and the
 * profile, e.g. `{">=":[{"var":"event.percent"},80]}` or `{"==":[{"event_count":["top-up",30]},3]}`) holds.
 */
export const CaseTrigger = Type.Object(
  {
    eventType: CatalogId,
    condition: Type.Optional(Type.Unknown({ description: 'JSON Logic rule' })),
  },
  { additionalProperties: false },
);
export type CaseTrigger = Static<typeof CaseTrigger>;

export const MarketingCaseStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('pending-approval'),
  Type.Literal('approved'),
  Type.Literal('live'),
  Type.Literal('paused'),
  Type.Literal('ended'),
]);
export type MarketingCaseStatus = Static<typeof MarketingCaseStatus>;

/** A marketing case (营销案): who it targets, what triggers it, where and how it is offered. Versioned data. */
export const MarketingCase = Type.Object(
  {
    id: CatalogId,
    version: Type.Integer({ minimum: 1 }),
    name: LocalizedText,
    status: MarketingCaseStatus,
    targetRule: Type.Unknown({ description: 'JSON Logic rule over the customer profile' }),
    trigger: CaseTrigger,
    touchpoints: Type.Array(CaseTouchpointStrategy, { minItems: 1, maxItems: 32 }),
    /** Epoch milliseconds; the case is live only in [validFrom, validUntil). */
    validFrom: Type.Number({ minimum: 0 }),
    validUntil: Type.Number({ minimum: 0 }),
    /** Business value of one conversion, in CNY. */
    value: Type.Number({ minimum: 0, maximum: 1e9 }),
    /** Business lever: a planner's multiplier on the arbitration score. */
    priority: Type.Number({ minimum: 0, maximum: 100 }),
    caps: Type.Object(
      {
        perCustomer: Type.Optional(FrequencyCap),
        lifetime: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
      },
      { additionalProperties: false },
    ),
    declineCooldownDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
    /** Service notices (bill, quota) are exempt from marketing caps. */
    transactional: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type MarketingCase = Static<typeof MarketingCase>;
