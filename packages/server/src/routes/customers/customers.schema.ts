import { Type, type Static } from '@sinclair/typebox';

const EpochMs = Type.Number({ minimum: 0, description: 'epoch milliseconds' });
const Id = Type.String({ minLength: 1, maxLength: 200 });
const Scalar = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);

export const CustomerParams = Type.Object({ id: Id }, { additionalProperties: false });
export type CustomerParams = Static<typeof CustomerParams>;

export const TimelineQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })) },
  { additionalProperties: false },
);
export type TimelineQuery = Static<typeof TimelineQuery>;

/** `GET /api/v1/customers/:id`: the profile with tags by id. */
export const CustomerProfileBody = Type.Object(
  {
    customerId: Type.String(),
    tags: Type.Array(Type.String()),
    attributes: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()])),
    realtimeTags: Type.Array(Type.Object({ tagId: Type.String(), expiresAt: EpochMs })),
    consent: Type.Object({
      unsubscribed: Type.Boolean(),
      optedOutMethods: Type.Array(Type.String()),
    }),
    /** Per counted event type: the total in the window and the count per UTC day. */
    eventCounts: Type.Record(
      Type.String(),
      Type.Object({
        total: Type.Integer(),
        days: Type.Array(Type.Object({ date: Type.String(), count: Type.Integer() })),
      }),
    ),
    caseContactTotals: Type.Record(Type.String(), Type.Integer()),
    declinedUntil: Type.Record(Type.String(), EpochMs),
    utcOffsetMinutes: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);
export type CustomerProfileBody = Static<typeof CustomerProfileBody>;

const TraceEntryBody = Type.Object({
  caseId: Type.String(),
  touchpointId: Type.Optional(Type.String()),
  reason: Type.String(),
  detail: Type.Optional(
    Type.Record(Type.String(), Type.Union([Type.Number(), Type.String(), Type.Boolean()])),
  ),
});

const JournalActionBody = Type.Object({
  kind: Type.Union([Type.Literal('deliver'), Type.Literal('defer'), Type.Literal('hold')]),
  offerId: Type.String(),
  caseId: Type.String(),
  touchpointId: Type.Optional(Type.String()),
  deliveryMethod: Type.Optional(Type.String()),
  at: Type.Optional(EpochMs),
  expiresAt: Type.Optional(EpochMs),
});

/** One line of a customer's timeline; `at` is epoch ms. */
export const TimelineEntry = Type.Union([
  Type.Object({
    kind: Type.Literal('event'),
    at: EpochMs,
    eventId: Type.String(),
    type: Type.String(),
    properties: Type.Record(Type.String(), Scalar),
  }),
  Type.Object({
    kind: Type.Literal('decision'),
    at: EpochMs,
    trigger: Type.Union([Type.Literal('event'), Type.Literal('decide'), Type.Literal('scheduled')]),
    eventId: Type.Optional(Type.String()),
    actions: Type.Array(JournalActionBody),
    trace: Type.Optional(Type.Array(TraceEntryBody)),
  }),
  Type.Object({
    kind: Type.Literal('contact'),
    at: EpochMs,
    touchpointId: Type.String(),
    caseId: Type.String(),
    disturbing: Type.Boolean(),
  }),
  Type.Object({
    kind: Type.Literal('outcome'),
    at: EpochMs,
    offerId: Type.String(),
    caseId: Type.String(),
    touchpointId: Type.String(),
    outcome: Type.String(),
    amount: Type.Optional(Type.Number()),
    staffId: Type.Optional(Type.String()),
  }),
]);
export type TimelineEntry = Static<typeof TimelineEntry>;

export const TimelineBody = Type.Object({
  customerId: Type.String(),
  entries: Type.Array(TimelineEntry),
});
export type TimelineBody = Static<typeof TimelineBody>;
