import { describe, expect, it } from 'vitest';
import type { CustomerProfile } from './customer-profile';
import { hasRealtimeTag, setRealtimeTag } from './realtime-tags';

const now = Date.UTC(2026, 10, 25, 8, 0, 0);
const minute = 60_000;

const profileWith = (realtimeTags?: number[]): CustomerProfile => ({
  customerId: 'c1',
  tags: new Uint32Array(1),
  attributes: {},
  consent: { unsubscribed: false },
  ...(realtimeTags && { realtimeTags }),
});

describe(setRealtimeTag.name, () => {
  it.each([
    {
      name: 'adds a pair to an empty profile',
      before: undefined,
      set: [3, now + minute],
      after: [3, now + minute],
    },
    {
      name: 'replaces the pair of the same bit, even with an earlier expiry',
      before: [3, now + 10 * minute, 4, now + minute],
      set: [3, now + 2 * minute],
      after: [4, now + minute, 3, now + 2 * minute],
    },
    {
      name: 'drops pairs that have expired by now',
      before: [1, now - minute, 2, now, 4, now + minute],
      set: [3, now + minute],
      after: [4, now + minute, 3, now + minute],
    },
    {
      name: 'clears the tag when the expiry is not after now',
      before: [3, now + minute],
      set: [3, now],
      after: undefined,
    },
  ])('$name', ({ before, set, after }) => {
    const profile = profileWith(before);
    setRealtimeTag(profile, set[0] as number, set[1] as number, now);
    expect(profile.realtimeTags).toEqual(after);
  });
});

describe(hasRealtimeTag.name, () => {
  it.each([
    { pairs: undefined, bit: 3, at: now, holds: false },
    { pairs: [3, now + minute], bit: 3, at: now, holds: true },
    { pairs: [3, now + minute], bit: 3, at: now + minute, holds: false },
    { pairs: [3, now + minute], bit: 4, at: now, holds: false },
    { pairs: [4, now - minute, 3, now + minute], bit: 3, at: now, holds: true },
  ])('reports bit $bit in $pairs at $at as holding: $holds', ({ pairs, bit, at, holds }) => {
    expect(hasRealtimeTag(profileWith(pairs), bit, at)).toBe(holds);
  });
});
