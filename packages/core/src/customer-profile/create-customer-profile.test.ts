import { describe, expect, it } from 'vitest';
import { buildTagIndex } from '../tag-catalog/tag-index';
import {
  cloneCustomerProfile,
  createCustomerProfile,
  restoreCustomerProfile,
} from './create-customer-profile';
import { recordContact, recordDecline } from '../contact-policy/contact-history';
import { recordEventCount } from './event-counts';
import { hasRealtimeTag, setRealtimeTag } from './realtime-tags';
import { hasStaticTag, setStaticTag } from './static-tags';

const now = Date.UTC(2026, 10, 25, 8, 0, 0);
const tagIndex = buildTagIndex({
  tags: Array.from({ length: 1200 }, (_, i) => ({
    id: `t${i}`,
    categoryId: 'value',
    name: { 'zh-CN': `t${i}`, en: `t${i}` },
    kind: 'static' as const,
  })),
});

/** Every profile has every field in this order, so V8 gives all profiles one hidden class. */
const profileKeys = [
  'customerId',
  'tags',
  'attributes',
  'realtimeTags',
  'eventCounts',
  'contacts',
  'caseContactTotals',
  'declinedUntil',
  'consent',
  'utcOffsetMinutes',
];

describe(createCustomerProfile.name, () => {
  it('starts with a zeroed bitset of the catalog size and no optional collections', () => {
    const profile = createCustomerProfile('c1', tagIndex);
    expect(profile.tags.length).toBe(38);
    expect(profile.tags.every((word) => word === 0)).toBe(true);
    expect(Object.keys(profile)).toEqual(profileKeys);
    expect(Object.values(profile).filter((value) => value !== undefined)).toHaveLength(4);
    expect(profile.consent).toEqual({ unsubscribed: false });
  });

  it('carves bitsets of many profiles out of shared slabs without overlap', () => {
    const profiles = Array.from({ length: 1000 }, (_, i) =>
      createCustomerProfile(`c${i}`, tagIndex),
    );
    profiles.forEach((profile, i) => setStaticTag(profile, i % 1200, true));
    expect(new Set(profiles.map((profile) => profile.tags.buffer)).size).toBeLessThan(5);
    profiles.forEach((profile, i) => {
      expect(profile.tags.filter((word) => word !== 0)).toHaveLength(1);
      expect(hasStaticTag(profile, i % 1200)).toBe(true);
    });
  });
});

describe(cloneCustomerProfile.name, () => {
  it('copies every collection so changing the copy leaves the original alone', () => {
    const original = createCustomerProfile('c1', tagIndex);
    setStaticTag(original, 5, true);
    setRealtimeTag(original, 2, now + 60_000, now);
    recordEventCount(original, 'top-up', now, 30);
    original.attributes.arpu = 88;
    original.contacts = [{ at: now, touchpointId: 'sms', caseId: 'k', disturbing: true }];
    original.consent.optedOutMethods = ['sms'];

    const copy = cloneCustomerProfile(original);
    expect(copy).toEqual(original);
    setStaticTag(copy, 6, true);
    setRealtimeTag(copy, 2, now, now);
    recordEventCount(copy, 'top-up', now, 30);
    copy.attributes.arpu = 1;
    copy.contacts?.push({ at: now, touchpointId: 'sms', caseId: 'k', disturbing: true });
    copy.consent.optedOutMethods?.push('push');

    expect(hasStaticTag(original, 6)).toBe(false);
    expect(hasRealtimeTag(original, 2, now)).toBe(true);
    expect(original.eventCounts?.['top-up']?.[1]).toBe(1);
    expect(original.attributes.arpu).toBe(88);
    expect(original.contacts).toHaveLength(1);
    expect(original.consent.optedOutMethods).toEqual(['sms']);
  });

  it('gives the copy id records of its own', () => {
    const original = createCustomerProfile('c1', tagIndex);
    recordContact(original, { at: now, touchpointId: 'sms', caseId: 'k', disturbing: true }, 30);
    recordDecline(original, 'k', now + 1);
    const copy = cloneCustomerProfile(original);
    recordContact(copy, { at: now, touchpointId: 'sms', caseId: 'k', disturbing: true }, 30);
    recordDecline(copy, 'k', now + 2);
    expect(original.caseContactTotals?.k).toBe(1);
    expect(original.declinedUntil?.k).toBe(now + 1);
    expect(Object.getPrototypeOf(copy.caseContactTotals)).toBeNull();
  });
});

describe(restoreCustomerProfile.name, () => {
  it('rebuilds a stored profile in the shape of a new one, id records without a prototype', () => {
    const tags = new Uint32Array(38);
    tags[0] = 5;
    const restored = restoreCustomerProfile('c9', tags, {
      consent: { unsubscribed: true },
      utcOffsetMinutes: 480,
      contacts: [{ at: now, touchpointId: 'sms', caseId: 'constructor', disturbing: true }],
      caseContactTotals: { constructor: 2 },
      attributes: { city: 'beijing' },
      eventCounts: { 'top-up': [20_000, 3] },
    });
    expect(Object.keys(restored)).toEqual(profileKeys);
    expect(Object.keys(restored.consent)).toEqual(['unsubscribed', 'optedOutMethods']);
    expect(restored.tags).toBe(tags);
    expect(restored.caseContactTotals?.constructor).toBe(2);
    expect(Object.getPrototypeOf(restored.caseContactTotals)).toBeNull();
    expect(Object.getPrototypeOf(restored.eventCounts)).toBeNull();
    expect(restored.declinedUntil).toBeUndefined();
    expect(restored.eventCounts?.['top-up']).toEqual([20_000, 3]);
    expect(restored).toMatchObject({ customerId: 'c9', utcOffsetMinutes: 480 });
  });

  it('gives profiles whose fields were set in different orders the same key order', () => {
    const one = createCustomerProfile('c1', tagIndex);
    recordEventCount(one, 'top-up', now, 30);
    setRealtimeTag(one, 1, now + 1, now);
    const two = createCustomerProfile('c2', tagIndex);
    setRealtimeTag(two, 1, now + 1, now);
    recordEventCount(two, 'top-up', now, 30);
    expect(Object.keys(one)).toEqual(Object.keys(two));
  });
});
