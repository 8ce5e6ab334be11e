import { buildCustomerProfile } from '@omnitouch/testkit';
import { describe, expect, it } from 'vitest';
import { decodeProfile, encodeProfile } from './profile-encoding';

describe(encodeProfile.name, () => {
  it('writes the tag bitset as little-endian 32-bit words, whatever the machine', () => {
    const tags = Uint32Array.of(0x0000_0001, 0x8000_0000);
    const encoded = encodeProfile(buildCustomerProfile({ tags }));
    expect([...encoded.tags]).toEqual([1, 0, 0, 0, 0, 0, 0, 0x80]);
  });

  it('keeps the customer id and the bitset out of the JSON body', () => {
    const encoded = encodeProfile(buildCustomerProfile({ attributes: { arpu: 9 } }));
    expect(JSON.parse(encoded.body)).toEqual({
      attributes: { arpu: 9 },
      consent: { unsubscribed: false },
    });
  });
});

describe(decodeProfile.name, () => {
  it('restores a bitset whose top bit is set without sign trouble', () => {
    const profile = buildCustomerProfile({ tags: Uint32Array.of(0xffff_ffff, 0x8000_0001) });
    const decoded = decodeProfile('customer-1', encodeProfile(profile));
    expect(decoded.tags).toEqual(Uint32Array.of(0xffff_ffff, 0x8000_0001));
    expect(decoded).toEqual(profile);
  });
});
