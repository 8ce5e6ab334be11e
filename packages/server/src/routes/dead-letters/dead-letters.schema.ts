import { Type, type Static } from '@sinclair/typebox';
import { LocalizedText } from '@omnitouch/core';

export const DeadLetterQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) },
  { additionalProperties: false },
);
export type DeadLetterQuery = Static<typeof DeadLetterQuery>;

export const DeadLetterParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type DeadLetterParams = Static<typeof DeadLetterParams>;

/** A delivery given up on; `id` is its idempotency key (`<offerId>:<touchpointId>`). */
export const DeadLetterView = Type.Object({
  id: Type.String(),
  touchpointId: Type.String(),
  offerId: Type.String(),
  customerId: Type.String(),
  caseId: Type.String(),
  deliveryMethod: Type.String(),
  content: LocalizedText,
  reason: Type.String(),
  detail: Type.String(),
  attempts: Type.Integer(),
  /** Epoch ms. */
  deadAt: Type.Number(),
});
export type DeadLetterView = Static<typeof DeadLetterView>;

export const DeadLetterList = Type.Object({ items: Type.Array(DeadLetterView) });

export const DeadLetterRetried = Type.Object({ id: Type.String(), retried: Type.Boolean() });
