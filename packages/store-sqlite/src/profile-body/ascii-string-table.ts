/** Strings up to this many bytes are looked up; longer ones are rarely repeated ids. */
const maxBytes = 48;
/** Entries kept at most; the table is emptied when full (ids of a catalog are far fewer). */
const maxEntries = 8192;

/**
 * Interns the short ASCII strings a profile body repeats — attribute ids, enum values, event
 * types, case and touchpoint ids: the same few thousand strings in every profile. Decoding each
 * with `Buffer#toString` costs a native call and a new string (measured: it made a binary body
 * slower to read than JSON); a hash of the bytes and a check against the kept string cost neither.
 */
export class AsciiStringTable {
  #strings = new Map<number, string>();

  /** The string of `bytes[start, end)`, or `undefined` when not short ASCII (decode it yourself). */
  lookUp(bytes: Uint8Array, start: number, end: number): string | undefined {
    if (end - start > maxBytes) {
      return undefined;
    }
    let hash = 0x811c9dc5; // FNV-1a
    for (let at = start; at < end; at++) {
      const byte = bytes[at] as number;
      if (byte >= 0x80) {
        return undefined;
      }
      hash = Math.imul(hash ^ byte, 0x01000193);
    }
    const kept = this.#strings.get(hash);
    if (kept !== undefined && isSame(kept, bytes, start, end)) {
      return kept;
    }
    const made = String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
    if (this.#strings.size >= maxEntries) {
      this.#strings = new Map();
    }
    this.#strings.set(hash, made);
    return made;
  }
}

function isSame(kept: string, bytes: Uint8Array, start: number, end: number): boolean {
  if (kept.length !== end - start) {
    return false;
  }
  for (let index = 0; index < kept.length; index++) {
    if (kept.charCodeAt(index) !== bytes[start + index]) {
      return false;
    }
  }
  return true;
}
