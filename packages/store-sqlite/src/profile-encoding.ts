import {
  copyTagWords,
  restoreCustomerProfile,
  type CustomerProfile,
  type StoredProfileParts,
} from '@omnitouch/core';
import { ByteReader } from './profile-body/byte-reader';
import { ByteWriter } from './profile-body/byte-writer';
import { profileBodyFormat, readProfileBody, writeProfileBody } from './profile-body/profile-body';

/**
 * A profile as stored: the static-tag bitset as bytes, every other field as the body — binary
 * (`profile-body/`) as written since migration 0012, or a JSON document as written before it.
 */
export interface EncodedProfile {
  readonly tags: Buffer;
  readonly body: Buffer | string;
}

/** Whether this machine stores a Uint32Array little-endian (what the stored bytes are). */
const isLittleEndian = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

// One scratch buffer for every write: encoding is synchronous and `take` copies the bytes out.
const scratch = new ByteWriter();

/**
 * Stores the bitset as little-endian 32-bit words, so a database file moved between machines of
 * different endianness still reads the same tags. On a little-endian machine (every one we run on)
 * that is the Uint32Array's own memory: the Buffer is a view of it, no copy and no per-word write
 * (better-sqlite3 copies the bytes when it binds them). The body is binary: JSON.stringify was about
 * half of a profile write (number-to-text conversions, a fresh string per write), and the binary
 * body reads back every number exactly.
 */
export function encodeProfile(
  profile: CustomerProfile,
): EncodedProfile & { readonly body: Buffer } {
  scratch.reset();
  writeProfileBody(scratch, profile);
  return { tags: tagBytes(profile.tags), body: scratch.take() };
}

/** The inverse of `encodeProfile`; also reads the JSON bodies written before migration 0012. */
export function decodeProfile(customerId: string, encoded: EncodedProfile): CustomerProfile {
  return restoreCustomerProfile(customerId, tagWords(encoded.tags), bodyParts(encoded.body));
}

function bodyParts(body: Buffer | string): StoredProfileParts {
  if (typeof body === 'string') {
    return JSON.parse(body) as StoredProfileParts;
  }
  const input = new ByteReader(body);
  const format = input.byte();
  if (format !== profileBodyFormat) {
    throw new Error(
      `a stored profile has body format ${format}; this build reads ${profileBodyFormat}`,
    );
  }
  const parts = readProfileBody(input);
  if (!input.isAtEnd()) {
    throw new Error('a stored profile has bytes after its body');
  }
  return parts;
}

function tagWords(bytes: Buffer): Uint32Array {
  // A zeroed slab view (the core's allocator: no ArrayBuffer per profile), then one byte copy.
  const words = copyTagWords(new Uint32Array(0), bytes.length >>> 2);
  if (isLittleEndian) {
    // The stored Buffer may start at any offset: copy bytes, not words.
    new Uint8Array(words.buffer, words.byteOffset, words.byteLength).set(
      bytes.subarray(0, words.byteLength),
    );
  } else {
    for (let index = 0; index < words.length; index++) {
      words[index] = bytes.readUInt32LE(index * 4);
    }
  }
  return words;
}

function tagBytes(words: Uint32Array): Buffer {
  if (isLittleEndian) {
    return Buffer.from(words.buffer, words.byteOffset, words.byteLength);
  }
  const bytes = Buffer.allocUnsafe(words.length * 4);
  words.forEach((word, index) => bytes.writeUInt32LE(word, index * 4));
  return bytes;
}
