import { Type, type Static } from '@sinclair/typebox';

/** Most events one `POST /api/v1/events` may carry (bounded so one request holds the loop briefly). */
export const maxEventsPerRequest = 10_000;

/**
 * A bulk of customer events. Each event is checked by the runtime against the live catalog (its
 * type's declared properties), so the schema only bounds the envelope; issues name `/events/<i>/…`.
 */
export const IngestEventsBody = Type.Object(
  {
    events: Type.Array(Type.Unknown({ description: 'a CustomerEvent' }), {
      minItems: 1,
      maxItems: maxEventsPerRequest,
    }),
  },
  { additionalProperties: false },
);
export type IngestEventsBody = Static<typeof IngestEventsBody>;

export const IngestEventsQuery = Type.Object(
  { explain: Type.Optional(Type.Boolean({ description: 'return each decision with its trace' })) },
  { additionalProperties: false },
);
export type IngestEventsQuery = Static<typeof IngestEventsQuery>;

/** The receipt: new events, duplicates by `eventId`, and the decisions when `explain` was asked. */
export const IngestEventsReply = Type.Object(
  {
    accepted: Type.Integer(),
    duplicates: Type.Integer(),
    offers: Type.Integer({
      description: 'offers opened (delivered, deferred or held) by this call',
    }),
    decisions: Type.Optional(
      Type.Array(Type.Unknown({ description: 'a Decision with its trace' })),
    ),
  },
  { additionalProperties: false },
);
export type IngestEventsReply = Static<typeof IngestEventsReply>;
