import { Type, type Static } from '@sinclair/typebox';
import { errorCodes } from './error-code';

/**
 * One failing field: `field` is a JSON Pointer into the request part named by `in` (the body when
 * absent), e.g. `/events/0/timestamp`; `reason` says what is wrong in plain English.
 */
export const ErrorIssue = Type.Object(
  {
    field: Type.String(),
    reason: Type.String(),
    in: Type.Optional(
      Type.Union([
        Type.Literal('body'),
        Type.Literal('querystring'),
        Type.Literal('params'),
        Type.Literal('headers'),
      ]),
    ),
  },
  { additionalProperties: false },
);
export type ErrorIssue = Static<typeof ErrorIssue>;

/** Every 4xx/5xx body: a stable kebab-case `error` code, a bilingual message, and every failing field. */
export const ErrorBody = Type.Object(
  {
    error: Type.Union(
      errorCodes.map((code) => Type.Literal(code)),
      { description: 'stable kebab-case error code' },
    ),
    message: Type.Optional(
      Type.Object({ 'zh-CN': Type.String(), en: Type.String() }, { additionalProperties: false }),
    ),
    issues: Type.Optional(Type.Array(ErrorIssue)),
  },
  { additionalProperties: false },
);
export type ErrorBody = Static<typeof ErrorBody>;
