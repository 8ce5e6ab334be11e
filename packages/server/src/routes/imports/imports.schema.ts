import { Type } from '@sinclair/typebox';

/** The media types the import routes stream: CSV (profiles) and NDJSON (profile changes, events). */
export const csvType = 'text/csv';
export const ndjsonType = 'application/x-ndjson';
export const importBodyTypes = [csvType, ndjsonType];

/** Upload headers: the body must be declared CSV or NDJSON (a JSON body is refused, 415 otherwise). */
export const ImportUploadHeaders = Type.Object(
  {
    'content-type': Type.String({
      pattern: '^(text/csv|application/x-ndjson)',
      description: 'text/csv (header row first) or application/x-ndjson (one object a line)',
    }),
  },
  { additionalProperties: true },
);

/** Event upload headers: events come as NDJSON only (one `CustomerEvent` a line). */
export const EventUploadHeaders = Type.Object(
  {
    'content-type': Type.String({
      pattern: '^application/x-ndjson',
      description: 'application/x-ndjson: one CustomerEvent a line',
    }),
  },
  { additionalProperties: true },
);
