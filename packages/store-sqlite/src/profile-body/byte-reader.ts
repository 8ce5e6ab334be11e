import { AsciiStringTable } from './ascii-string-table';

// One table for every reader: the strings worth interning recur across profiles.
const shortStrings = new AsciiStringTable();

/** Reads what a `ByteWriter` wrote, in the same order; throws on bytes that run out. */
export class ByteReader {
  readonly #bytes: Buffer;
  readonly #view: DataView;
  #at: number;

  constructor(bytes: Buffer, start = 0) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    this.#at = start;
  }

  byte(): number {
    this.#need(1);
    return this.#bytes[this.#at++] as number;
  }

  count(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const next = this.byte();
      value += (next & 0x7f) * scale;
      if (next < 0x80) {
        return value;
      }
      scale *= 0x80;
    }
  }

  number(): number {
    this.#need(8);
    const value = this.#view.getFloat64(this.#at, true);
    this.#at += 8;
    return value;
  }

  string(): string {
    const length = this.count();
    this.#need(length);
    const end = this.#at + length;
    const value =
      shortStrings.lookUp(this.#bytes, this.#at, end) ??
      this.#bytes.toString('utf8', this.#at, end);
    this.#at = end;
    return value;
  }

  /** Whether every byte was read (a longer value is not the format this reader expects). */
  isAtEnd(): boolean {
    return this.#at === this.#bytes.length;
  }

  #need(bytes: number): void {
    if (this.#at + bytes > this.#bytes.length) {
      throw new Error(`a stored profile ends early: ${bytes} more bytes wanted at ${this.#at}`);
    }
  }
}
