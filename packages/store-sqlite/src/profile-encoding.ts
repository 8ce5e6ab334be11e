import type { CustomerProfile } from '@omnitouch/core';

/** A profile as stored: the static-tag bitset as bytes, every other field as one JSON document. */
export interface EncodedProfile {
  readonly tags: Buffer;
  readonly body: string;
}

type ProfileBody = Omit<CustomerProfile, 'customerId' | 'tags'>;

/**
 * Encodes the bitset little-endian explicitly rather than copying the Uint32Array's memory, so a
 * database file moved between machines of different endianness still reads the same tags.
 */
export function encodeProfile(profile: CustomerProfile): EncodedProfile {
  const tags = Buffer.alloc(profile.tags.length * 4);
  profile.tags.forEach((word, index) => tags.writeUInt32LE(word, index * 4));
  const { customerId: _id, tags: _tags, ...body } = profile;
  return { tags, body: JSON.stringify(body) };
}

/** The inverse of `encodeProfile`. */
export function decodeProfile(customerId: string, encoded: EncodedProfile): CustomerProfile {
  const words = new Uint32Array(encoded.tags.length / 4);
  for (let index = 0; index < words.length; index++) {
    words[index] = encoded.tags.readUInt32LE(index * 4);
  }
  const body = JSON.parse(encoded.body) as ProfileBody;
  return { customerId, tags: words, ...body };
}
