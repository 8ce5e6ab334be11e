import { RecordTooLargeError, decodeTextChunks } from './text-chunks';

/** One non-blank line of an NDJSON file and its 1-based line number. */
export interface NdjsonLine {
  readonly line: number;
  readonly text: string;
}

/** Default limit of one NDJSON line (a profile change or an event is far smaller). */
export const defaultMaxLineChars = 1_000_000;

/**
 * Streams the non-blank lines of an NDJSON body in batches (one per input chunk), keeping only the
 * unfinished last line between chunks. LF and CRLF both end a line. Throws `RecordTooLargeError`
 * for a line longer than `maxLineChars`.
 */
export async function* readNdjsonLines(
  source: AsyncIterable<Uint8Array | string>,
  maxLineChars = defaultMaxLineChars,
): AsyncGenerator<NdjsonLine[], void, undefined> {
  let partial = '';
  let line = 1;
  for await (const text of decodeTextChunks(source)) {
    const parts = (partial + text).split('\n');
    partial = parts.pop() ?? '';
    if (partial.length > maxLineChars) {
      throw new RecordTooLargeError(line + parts.length, maxLineChars);
    }
    const batch: NdjsonLine[] = [];
    for (const part of parts) {
      const trimmed = part.endsWith('\r') ? part.slice(0, -1) : part;
      if (trimmed.trim() !== '') {
        batch.push({ line, text: trimmed });
      }
      line += 1;
    }
    if (batch.length > 0) {
      yield batch;
    }
  }
  if (partial.trim() !== '') {
    yield [{ line, text: partial.endsWith('\r') ? partial.slice(0, -1) : partial }];
  }
}
