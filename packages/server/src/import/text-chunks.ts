/**
 * Decodes a byte stream to UTF-8 text chunk by chunk; a character split across two chunks is
 * decoded once both halves arrived (TextDecoder's `stream` mode), never as two U+FFFD.
 */
export async function* decodeTextChunks(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<string, void, undefined> {
  const decoder = new TextDecoder('utf-8');
  let isFirst = true;
  for await (const chunk of source) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (isFirst && text.length > 0) {
      // Spreadsheet tools often save CSV with a byte-order mark; it is not part of the header.
      text = text.startsWith('\uFEFF') ? text.slice(1) : text;
      isFirst = false;
    }
    if (text.length > 0) {
      yield text;
    }
  }
  const rest = decoder.decode();
  if (rest.length > 0) {
    yield rest;
  }
}

/** Thrown when one record or line grows past the reader's limit (an unterminated quote, a binary file). */
export class RecordTooLargeError extends Error {
  constructor(
    readonly line: number,
    readonly maxChars: number,
  ) {
    super(`the record starting on line ${line} is longer than ${maxChars} characters`);
    this.name = 'RecordTooLargeError';
  }
}
