import type { CustomerProfile } from '@omnitouch/core';

/** A profile as stored: the static-tag bitset as bytes, every other field as one JSON document. */
export interface EncodedProfile {
  readonly tags: Buffer;
  readonly body: string;
}

type ProfileBody = Omit<CustomerProfile, 'customerId' | 'tags'>;

/** Whether this machine stores a Uint32Array little-endian (what the stored bytes are). */
const isLittleEndian = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * Stores the bitset as little-endian 32-bit words, so a database file moved between machines of
 * different endianness still reads the same tags. On a little-endian machine (every one we run on)
 * that is the Uint32Array's own memory: the Buffer is a view of it, no copy and no per-word write
 * (better-sqlite3 copies the bytes when it binds them).
 */
export function encodeProfile(profile: CustomerProfile): EncodedProfile {
  const { customerId: _id, tags, ...body } = profile;
  return { tags: tagBytes(tags), body: JSON.stringify(body) };
}

/** The inverse of `encodeProfile`. */
export function decodeProfile(customerId: string, encoded: EncodedProfile): CustomerProfile {
  const bytes = encoded.tags;
  const words = new Uint32Array(bytes.length >>> 2);
  if (isLittleEndian) {
    // One copy into the (aligned) words; the stored Buffer may start at any offset.
    new Uint8Array(words.buffer).set(bytes.subarray(0, words.length * 4));
  } else {
    for (let index = 0; index < words.length; index++) {
      words[index] = bytes.readUInt32LE(index * 4);
    }
  }
  const body = JSON.parse(encoded.body) as ProfileBody;
  return { customerId, tags: words, ...body };
}

function tagBytes(words: Uint32Array): Buffer {
  if (isLittleEndian) {
    return Buffer.from(words.buffer, words.byteOffset, words.byteLength);
  }
  const bytes = Buffer.allocUnsafe(words.length * 4);
  words.forEach((word, index) => bytes.writeUInt32LE(word, index * 4));
  return bytes;
}
