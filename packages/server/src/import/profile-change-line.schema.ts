import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import type { FieldIssue, Validated } from '@omnitouch/core';

/** One line of a profile NDJSON import: a `ProfileChange` (see `runtime/decision-runtime.ts`). */
export const ProfileChangeLine = Type.Object(
  {
    customerId: Type.String({ minLength: 1, maxLength: 200 }),
    attributes: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.Number(), Type.String(), Type.Null()])),
    ),
    tags: Type.Optional(Type.Record(Type.String(), Type.Boolean())),
    consent: Type.Optional(
      Type.Object(
        {
          unsubscribed: Type.Optional(Type.Boolean()),
          optedOutMethods: Type.Optional(Type.Array(Type.String())),
        },
        { additionalProperties: false },
      ),
    ),
    utcOffsetMinutes: Type.Optional(Type.Integer({ minimum: -840, maximum: 840 })),
  },
  { additionalProperties: false },
);
export type ProfileChangeLine = Static<typeof ProfileChangeLine>;

const check = TypeCompiler.Compile(ProfileChangeLine);

/** Parses and shape-checks one NDJSON line; catalog checks (known tags, attribute types) are the runtime's. */
export function parseProfileChangeLine(text: string): Validated<ProfileChangeLine> {
  const parsed = parseJsonLine(text);
  if (!parsed.ok) {
    return parsed;
  }
  if (check.Check(parsed.value)) {
    return { ok: true, value: parsed.value };
  }
  const issues: FieldIssue[] = [];
  for (const error of check.Errors(parsed.value)) {
    issues.push({
      field: error.path === '' ? '/' : error.path,
      reason: error.message.toLowerCase(),
    });
  }
  return { ok: false, issues };
}

/** `JSON.parse` as a value: a line that is not JSON is a row error, not an exception. */
export function parseJsonLine(text: string): Validated<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, issues: [{ field: '/', reason: 'not valid JSON' }] };
  }
}
