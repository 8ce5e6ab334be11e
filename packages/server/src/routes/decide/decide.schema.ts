import { Type, type Static } from '@sinclair/typebox';
import { LocalizedText } from '@omnitouch/core';

/** `POST /api/v1/decide`: what should this touchpoint offer the customer it is serving now? */
export const DecideBody = Type.Object(
  {
    customerId: Type.String({ minLength: 1, maxLength: 200 }),
    touchpointId: Type.String({ minLength: 1, maxLength: 100 }),
    /** The clerk or agent asking; their screen then gets the offers on the touchpoint stream. */
    staffId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
    explain: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type DecideBody = Static<typeof DecideBody>;

/** An offer to present now, in both languages; report what happened with `POST /api/v1/outcomes`. */
export const PresentedOffer = Type.Object({
  offerId: Type.String(),
  caseId: Type.String(),
  touchpointId: Type.String(),
  deliveryMethod: Type.String(),
  content: LocalizedText,
  score: Type.Number(),
  /** Epoch ms after which the offer no longer holds. */
  expiresAt: Type.Number(),
});
export type PresentedOffer = Static<typeof PresentedOffer>;

export const TraceEntryBody = Type.Object({
  caseId: Type.String(),
  touchpointId: Type.Optional(Type.String()),
  reason: Type.String(),
  detail: Type.Optional(
    Type.Record(Type.String(), Type.Union([Type.Number(), Type.String(), Type.Boolean()])),
  ),
});

export const DecideResponse = Type.Object({
  customerId: Type.String(),
  touchpointId: Type.String(),
  offers: Type.Array(PresentedOffer),
  /** Present when `explain` was asked: why each case was or was not offered. */
  trace: Type.Optional(Type.Array(TraceEntryBody)),
  /** Time the decision took inside the server, ms. */
  latencyMs: Type.Number(),
});
export type DecideResponse = Static<typeof DecideResponse>;
