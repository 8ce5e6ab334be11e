import { Type, type Static } from '@sinclair/typebox';

/** The call types of Segment's HTTP Tracking API. Only `track` and `identify` reach the decision core. */
export const SegmentCallType = Type.Union([
  Type.Literal('track'),
  Type.Literal('identify'),
  Type.Literal('page'),
  Type.Literal('screen'),
  Type.Literal('group'),
  Type.Literal('alias'),
]);
export type SegmentCallType = Static<typeof SegmentCallType>;

const Id = Type.String({ minLength: 1, maxLength: 200 });
const IsoDate = Type.String({ maxLength: 64, description: 'ISO-8601 date-time' });
const FreeObject = Type.Record(Type.String(), Type.Unknown());

/**
 * The fields of one Segment message (the Segment Spec's common fields plus each call's own). Known
 * fields only: anything else is reported as an unknown field. `context`, `integrations` and
 * `_metadata` (which analytics-node adds) are accepted and ignored.
 */
const messageFields = {
  messageId: Type.Optional(Id),
  userId: Type.Optional(Id),
  anonymousId: Type.Optional(Id),
  timestamp: Type.Optional(IsoDate),
  originalTimestamp: Type.Optional(IsoDate),
  sentAt: Type.Optional(IsoDate),
  receivedAt: Type.Optional(IsoDate),
  event: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  properties: Type.Optional(FreeObject),
  traits: Type.Optional(FreeObject),
  name: Type.Optional(Type.String({ maxLength: 500 })),
  category: Type.Optional(Type.String({ maxLength: 500 })),
  groupId: Type.Optional(Id),
  previousId: Type.Optional(Id),
  context: Type.Optional(FreeObject),
  integrations: Type.Optional(FreeObject),
  _metadata: Type.Optional(FreeObject),
  channel: Type.Optional(Type.String({ maxLength: 100 })),
  version: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Number()])),
  writeKey: Type.Optional(Type.String({ maxLength: 200 })),
};

/** A message in a batch: `type` says which call it is. */
export const SegmentMessage = Type.Object(
  { type: SegmentCallType, ...messageFields },
  { additionalProperties: false },
);
export type SegmentMessage = Static<typeof SegmentMessage>;

/** The body of `/v1/track`, `/v1/identify`, …: one message whose type is the path's. */
export const SegmentCallBody = Type.Object(
  { type: Type.Optional(SegmentCallType), ...messageFields },
  { additionalProperties: false },
);
export type SegmentCallBody = Static<typeof SegmentCallBody>;

/** `POST /v1/batch`. Segment caps a batch at 500 KB; `MAX_BODY_BYTES` bounds ours. */
export const SegmentBatchBody = Type.Object(
  {
    batch: Type.Array(SegmentMessage, { minItems: 1, maxItems: 10_000 }),
    sentAt: Type.Optional(IsoDate),
    context: Type.Optional(FreeObject),
    integrations: Type.Optional(FreeObject),
    _metadata: Type.Optional(FreeObject),
    writeKey: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type SegmentBatchBody = Static<typeof SegmentBatchBody>;

/** Segment answers `{ success: true }`; the counts are ours (extra fields Segment clients ignore). */
export const SegmentReply = Type.Object(
  {
    success: Type.Boolean(),
    accepted: Type.Integer({ description: 'new track events' }),
    duplicates: Type.Integer({ description: 'track events already received (same messageId)' }),
    profiles: Type.Integer({ description: 'identify calls applied' }),
    ignored: Type.Integer({ description: 'page, screen, group and alias calls (counted only)' }),
  },
  { additionalProperties: false },
);
export type SegmentReply = Static<typeof SegmentReply>;
