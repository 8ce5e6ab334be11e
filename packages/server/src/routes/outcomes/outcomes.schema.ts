import { Type, type Static } from '@sinclair/typebox';
import { offerOutcomes } from '@omnitouch/core';

/** One outcome of a presented offer, as a touchpoint or a staff member reports it. */
export const OutcomeBody = Type.Object(
  {
    offerId: Type.String({ minLength: 1, maxLength: 200 }),
    outcome: Type.Union(offerOutcomes.map((outcome) => Type.Literal(outcome))),
    /** When it happened (ISO-8601); the server's now by default. */
    at: Type.Optional(Type.String({ format: 'date-time' })),
    /** Conversion amount in CNY. */
    amount: Type.Optional(Type.Number({ minimum: 0, maximum: 1e9 })),
    staffId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type OutcomeBody = Static<typeof OutcomeBody>;

/** Many outcomes at once (a touchpoint's periodic report); rejected whole if any is bad. */
export const OutcomeBatchBody = Type.Object(
  { outcomes: Type.Array(OutcomeBody, { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
);
export type OutcomeBatchBody = Static<typeof OutcomeBatchBody>;

export const RecordedOutcome = Type.Object({
  offerId: Type.String(),
  customerId: Type.String(),
  caseId: Type.String(),
  touchpointId: Type.String(),
  outcome: Type.String(),
  at: Type.Number(),
  amount: Type.Optional(Type.Number()),
  staffId: Type.Optional(Type.String()),
});

export const OutcomesResponse = Type.Object({
  recorded: Type.Integer(),
  outcomes: Type.Array(RecordedOutcome),
});
export type OutcomesResponse = Static<typeof OutcomesResponse>;
