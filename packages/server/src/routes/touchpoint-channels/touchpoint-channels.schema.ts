import { Type, type Static } from '@sinclair/typebox';

export const TouchpointParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
export type TouchpointParams = Static<typeof TouchpointParams>;

const ChannelKind = Type.Union([
  Type.Literal('webhook'),
  Type.Literal('log'),
  Type.Literal('staff-screen'),
]);

/**
 * `PUT /api/v1/touchpoints/:id/channel`. A webhook needs `url` and a `secret` (the HMAC-SHA256
 * signing key); leaving `secret` out keeps the one already stored.
 */
export const ChannelBindingBody = Type.Object(
  {
    kind: ChannelKind,
    url: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    secret: Type.Optional(Type.String({ minLength: 16, maxLength: 500 })),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 60_000 })),
  },
  { additionalProperties: false },
);
export type ChannelBindingBody = Static<typeof ChannelBindingBody>;

/** The channel in force; the secret is never returned, only whether one is set. */
export const ChannelBindingView = Type.Object({
  touchpointId: Type.String(),
  kind: ChannelKind,
  url: Type.Optional(Type.String()),
  timeoutMs: Type.Optional(Type.Integer()),
  hasSecret: Type.Boolean(),
  /** True when no binding is stored and the default for the touchpoint applies. */
  isDefault: Type.Boolean(),
});
export type ChannelBindingView = Static<typeof ChannelBindingView>;
