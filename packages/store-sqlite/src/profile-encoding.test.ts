import { buildCustomerProfile } from '@omnitouch/testkit';
import type { CustomerProfile } from '@omnitouch/core';
import { describe, expect, it } from 'vitest';
import { storedProfileFields } from './profile-body/profile-body';
import { decodeProfile, encodeProfile } from './profile-encoding';

/** A profile with every field set, strings outside ASCII and numbers JSON cannot carry. */
function buildFullProfile(): CustomerProfile {
  return buildCustomerProfile({
    customerId: 'c-全',
    tags: Uint32Array.of(0xffff_ffff, 0x8000_0001),
    attributes: { arpu: 74.7, city: '北京', plan: 'x'.repeat(300), tiny: -0, big: 2 ** 53 },
    realtimeTags: [3, 1_795_618_694_073, 7, Number.POSITIVE_INFINITY],
    eventCounts: { 'top-up': [20_782, 1, 20_783, 4], 'quota-alert': [20_782, 2] },
    contacts: [
      { at: 1_795_618_694_073, touchpointId: 'sms', caseId: 'mc-1', disturbing: true },
      { at: 1_795_618_694_074, touchpointId: 'app', caseId: '案例-2', disturbing: false },
    ],
    caseContactTotals: { 'mc-1': 1, '案例-2': 3 },
    declinedUntil: { 'mc-9': 1_795_700_000_000 },
    consent: { unsubscribed: true, optedOutMethods: ['sms', 'email'] },
    utcOffsetMinutes: -330,
  });
}

describe(encodeProfile.name, () => {
  it('writes the tag bitset as little-endian 32-bit words, whatever the machine', () => {
    const tags = Uint32Array.of(0x0000_0001, 0x8000_0000);
    const encoded = encodeProfile(buildCustomerProfile({ tags }));
    expect([...encoded.tags]).toEqual([1, 0, 0, 0, 0, 0, 0, 0x80]);
  });

  it('keeps the customer id and the bitset out of a binary body, smaller than the JSON was', () => {
    const profile = buildFullProfile();
    const { body } = encodeProfile(profile);
    expect(body).toBeInstanceOf(Buffer);
    expect(body.includes(Buffer.from(profile.customerId))).toBe(false);
    const { customerId: _id, tags: _tags, ...rest } = profile;
    expect(body.length).toBeLessThan(Buffer.byteLength(JSON.stringify(rest)));
  });

  it('returns bytes of its own: the next encoding does not overwrite them', () => {
    const first = encodeProfile(buildCustomerProfile({ attributes: { arpu: 1 } }));
    const copy = Buffer.from(first.body);
    encodeProfile(buildFullProfile());
    expect(first.body).toEqual(copy);
  });
});

describe(decodeProfile.name, () => {
  it('restores every field of the profile exactly', () => {
    const profile = buildFullProfile();
    const decoded = decodeProfile(profile.customerId, encodeProfile(profile));
    expect(decoded).toStrictEqual(profile);
    expect(Object.is(decoded.attributes['tiny'], -0)).toBe(true);
    expect(Object.keys(profile).sort()).toEqual(Object.keys(storedProfileFields).sort());
  });

  it('restores a bare profile with its optional parts absent', () => {
    const profile = buildCustomerProfile({ attributes: { arpu: 9 } });
    expect(decodeProfile('customer-1', encodeProfile(profile))).toStrictEqual(profile);
  });

  it('restores a bitset whose top bit is set without sign trouble', () => {
    const profile = buildCustomerProfile({ tags: Uint32Array.of(0xffff_ffff, 0x8000_0001) });
    const decoded = decodeProfile('customer-1', encodeProfile(profile));
    expect(decoded.tags).toEqual(Uint32Array.of(0xffff_ffff, 0x8000_0001));
    expect(decoded).toEqual(profile);
  });

  it('reads the JSON bodies written before the binary layout', () => {
    const profile = buildFullProfile();
    const { customerId: _id, tags: _tags, ...rest } = profile;
    const legacy = { tags: encodeProfile(profile).tags, body: JSON.stringify(rest) };
    const decoded = decodeProfile(profile.customerId, legacy);
    expect(decoded).toEqual({
      ...profile,
      attributes: { ...profile.attributes, tiny: 0 }, // JSON never kept the sign of zero
      realtimeTags: [3, 1_795_618_694_073, 7, null],
    });
  });

  it('gives the per-id records no prototype, so an id such as __proto__ is just a key', () => {
    const profile = buildCustomerProfile({
      attributes: JSON.parse('{"__proto__": 5}') as Record<string, number>,
      caseContactTotals: JSON.parse('{"__proto__": 2}') as Record<string, number>,
      eventCounts: JSON.parse('{"__proto__": [1, 2]}') as Record<string, number[]>,
    });
    const decoded = decodeProfile('customer-1', encodeProfile(profile));
    expect(Object.getPrototypeOf(decoded.caseContactTotals)).toBeNull();
    expect(Object.getPrototypeOf(decoded.eventCounts)).toBeNull();
    expect(decoded.eventCounts?.['__proto__']).toEqual([1, 2]);
    expect(decoded.caseContactTotals?.['__proto__']).toBe(2);
    expect(Object.hasOwn(decoded.attributes, '__proto__')).toBe(true);
  });

  it('refuses a body of an unknown format or with bytes left over', () => {
    const { tags, body } = encodeProfile(buildCustomerProfile());
    expect(() => decodeProfile('c', { tags, body: Buffer.from([9, ...body.subarray(1)]) })).toThrow(
      /body format 9/,
    );
    expect(() => decodeProfile('c', { tags, body: Buffer.concat([body, Buffer.of(0)]) })).toThrow(
      /bytes after/,
    );
    expect(() => decodeProfile('c', { tags, body: body.subarray(0, 2) })).toThrow(/ends early/);
  });
});
