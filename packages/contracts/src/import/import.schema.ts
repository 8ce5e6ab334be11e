import { Type, type Static } from '@sinclair/typebox';

/** What a bulk import loads: profile changes (tags, attributes, consent) or customer events. */
export const ImportKind = Type.Union([Type.Literal('profiles'), Type.Literal('events')]);
export type ImportKind = Static<typeof ImportKind>;

/** `running` while the body streams in; `failed` when the file itself was unreadable (bad header). */
export const ImportJobStatus = Type.Union([
  Type.Literal('running'),
  Type.Literal('completed'),
  Type.Literal('failed'),
]);
export type ImportJobStatus = Static<typeof ImportJobStatus>;

/** One rejected row: its 1-based line in the file, the field at fault and why. */
export const ImportRowError = Type.Object(
  {
    line: Type.Integer({ minimum: 1 }),
    field: Type.String(),
    reason: Type.String(),
  },
  { additionalProperties: false },
);
export type ImportRowError = Static<typeof ImportRowError>;

/** How many rows of an import job are kept in `errors`; `rowsRejected` keeps counting past it. */
export const maxImportRowErrors = 1000;

/**
 * A bulk import's progress and result. Rows are applied in chunks as they stream in, so
 * `rowsApplied` grows while `status` is `running`; a bad row is counted in `rowsRejected`, listed in
 * `errors` (the first 1,000) and skipped, never taking good rows down with it.
 */
export const ImportJob = Type.Object(
  {
    id: Type.String(),
    kind: ImportKind,
    format: Type.Union([Type.Literal('csv'), Type.Literal('ndjson')]),
    status: ImportJobStatus,
    /** Epoch milliseconds. */
    startedAt: Type.Number(),
    finishedAt: Type.Optional(Type.Number()),
    rowsRead: Type.Integer({ minimum: 0 }),
    rowsApplied: Type.Integer({ minimum: 0 }),
    rowsRejected: Type.Integer({ minimum: 0 }),
    /** Events already ingested before (same `eventId`): read, not rejected, not applied again. */
    duplicates: Type.Integer({ minimum: 0 }),
    errors: Type.Array(ImportRowError, { maxItems: maxImportRowErrors }),
    /** Why a `failed` job stopped (e.g. an unknown CSV column). */
    failure: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type ImportJob = Static<typeof ImportJob>;

/** `GET /api/v1/imports` answer: the most recent jobs, newest first. */
export const ImportJobList = Type.Object(
  { items: Type.Array(ImportJob) },
  { additionalProperties: false },
);
export type ImportJobList = Static<typeof ImportJobList>;

/** Path parameters of `GET /api/v1/imports/:id`. */
export const ImportJobParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
export type ImportJobParams = Static<typeof ImportJobParams>;
