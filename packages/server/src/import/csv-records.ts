import { RecordTooLargeError, decodeTextChunks } from './text-chunks';

/** One CSV record: its fields and the 1-based line it starts on; `error` when it is malformed. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
  readonly error?: string;
}

/** Default limit of one record, so an unterminated quote cannot pull the whole file into memory. */
export const defaultMaxRecordChars = 1_000_000;

/**
 * Streams RFC 4180 CSV records in batches (one batch per input chunk), holding one record at a
 * time: quoted fields may contain commas, doubled quotes and line breaks; records end in LF, CRLF
 * or CR; blank lines are skipped. Throws `RecordTooLargeError` past `maxRecordChars`.
 */
export async function* readCsvRecords(
  source: AsyncIterable<Uint8Array | string>,
  maxRecordChars = defaultMaxRecordChars,
): AsyncGenerator<CsvRecord[], void, undefined> {
  const parser = createCsvParser(maxRecordChars);
  for await (const text of decodeTextChunks(source)) {
    const records = parser.push(text);
    if (records.length > 0) {
      yield records;
    }
  }
  const last = parser.end();
  if (last !== undefined) {
    yield [last];
  }
}

/** The incremental state machine behind `readCsvRecords`. */
export function createCsvParser(maxRecordChars = defaultMaxRecordChars): {
  push(text: string): CsvRecord[];
  end(): CsvRecord | undefined;
} {
  let fields: string[] = [];
  let field = '';
  let isQuoted = false; // inside a quoted field
  let isQuotePending = false; // saw a quote inside a quoted field: an escape or the closing quote
  let isFieldQuoted = false; // the current field started with a quote
  let isAfterCr = false; // the last record ended in CR: a following LF belongs to it
  let line = 1;
  let recordLine = 1;
  let recordChars = 0;

  function endRecord(out: CsvRecord[]): void {
    fields.push(field);
    const isBlank = fields.length === 1 && field === '' && !isFieldQuoted;
    if (!isBlank) {
      out.push({ line: recordLine, fields });
    }
    fields = [];
    field = '';
    isFieldQuoted = false;
    recordChars = 0;
    line += 1;
    recordLine = line;
  }

  function push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string;
      if (++recordChars > maxRecordChars) {
        throw new RecordTooLargeError(recordLine, maxRecordChars);
      }
      if (isQuoted) {
        if (isQuotePending) {
          isQuotePending = false;
          if (c === '"') {
            field += '"';
            continue;
          }
          isQuoted = false; // that quote closed the field; `c` is read as unquoted below
        } else if (c === '"') {
          isQuotePending = true;
          continue;
        } else {
          field += c;
          line += c === '\n' ? 1 : 0;
          continue;
        }
      }
      if (isAfterCr) {
        isAfterCr = false;
        if (c === '\n') {
          recordChars = 0;
          continue;
        }
      }
      if (c === ',') {
        fields.push(field);
        field = '';
        isFieldQuoted = false;
      } else if (c === '\n' || c === '\r') {
        isAfterCr = c === '\r';
        endRecord(out);
      } else if (c === '"' && field === '' && !isFieldQuoted) {
        isQuoted = true;
        isFieldQuoted = true;
      } else {
        field += c;
      }
    }
    return out;
  }

  function end(): CsvRecord | undefined {
    const isUnterminated = isQuoted && !isQuotePending;
    if (fields.length === 0 && field === '' && !isFieldQuoted) {
      return undefined;
    }
    const record: CsvRecord = { line: recordLine, fields: [...fields, field] };
    return isUnterminated ? { ...record, error: 'a quoted field is not closed' } : record;
  }

  return { push, end };
}
