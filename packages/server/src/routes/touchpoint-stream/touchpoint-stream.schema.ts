import { Type, type Static } from '@sinclair/typebox';

export const StreamParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
export type StreamParams = Static<typeof StreamParams>;

/** `?staffId=` narrows the stream to one clerk's or agent's screen. */
export const StreamQuery = Type.Object(
  { staffId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  { additionalProperties: false },
);
export type StreamQuery = Static<typeof StreamQuery>;
