/** Strings up to this many UTF-16 units take the JS loop when ASCII: cheaper than a native call. */
const shortString = 64;

/**
 * Appends little-endian values to one growing scratch buffer, reused from write to write, so
 * encoding allocates nothing but the copy `take` returns. Counts and string lengths are unsigned
 * LEB128 varints (one byte below 128); numbers are IEEE-754 doubles, so every JS number (NaN, -0 and
 * the infinities included) comes back exactly — JSON cannot say that.
 */
export class ByteWriter {
  #bytes: Buffer;
  #view: DataView;
  #at = 0;

  constructor(initialBytes = 4096) {
    this.#bytes = Buffer.allocUnsafeSlow(initialBytes);
    this.#view = new DataView(this.#bytes.buffer, this.#bytes.byteOffset, this.#bytes.length);
  }

  /** Starts a new value, keeping the buffer. */
  reset(): void {
    this.#at = 0;
  }

  /** A copy of what was written since `reset` (the scratch buffer is overwritten by the next value). */
  take(): Buffer {
    return Buffer.from(this.#bytes.subarray(0, this.#at));
  }

  byte(value: number): void {
    this.#reserve(1);
    this.#bytes[this.#at++] = value;
  }

  /** A non-negative integer below 2^53. */
  count(value: number): void {
    this.#reserve(8);
    let rest = value;
    while (rest >= 0x80) {
      this.#bytes[this.#at++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.#bytes[this.#at++] = rest;
  }

  number(value: number): void {
    this.#reserve(8);
    this.#view.setFloat64(this.#at, value, true);
    this.#at += 8;
  }

  /** Its UTF-8 byte length, then the bytes. */
  string(value: string): void {
    const length = value.length;
    if (length <= shortString && this.#asciiString(value, length)) {
      return;
    }
    const bytes = Buffer.byteLength(value, 'utf8');
    this.count(bytes);
    this.#reserve(bytes);
    this.#at += this.#bytes.write(value, this.#at, bytes, 'utf8');
  }

  /** Writes `value` if it is ASCII (then its byte length is its length, below 128: one byte). */
  #asciiString(value: string, length: number): boolean {
    this.#reserve(length + 1);
    const bytes = this.#bytes;
    const start = this.#at + 1;
    for (let index = 0; index < length; index++) {
      const unit = value.charCodeAt(index);
      if (unit >= 0x80) {
        return false;
      }
      bytes[start + index] = unit;
    }
    bytes[this.#at] = length;
    this.#at = start + length;
    return true;
  }

  #reserve(bytes: number): void {
    if (this.#at + bytes <= this.#bytes.length) {
      return;
    }
    const grown = Buffer.allocUnsafeSlow(Math.max(this.#bytes.length * 2, this.#at + bytes));
    this.#bytes.copy(grown, 0, 0, this.#at);
    this.#bytes = grown;
    this.#view = new DataView(grown.buffer, grown.byteOffset, grown.length);
  }
}
