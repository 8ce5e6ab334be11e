import { describe, expect, it } from 'vitest';
import type { CustomerProfile } from './customer-profile';
import { countEvents, DAY_MS, recordEventCount } from './event-counts';

const now = Date.UTC(2026, 10, 25, 8, 0, 0);
const today = Math.floor(now / DAY_MS);

const emptyProfile = (): CustomerProfile => ({
  customerId: 'c1',
  tags: new Uint32Array(1),
  attributes: {},
  consent: { unsubscribed: false },
});

/** Records one event per entry, `daysAgo` days before `now`. */
const profileWithEvents = (daysAgo: number[], windowDays = 30): CustomerProfile => {
  const profile = emptyProfile();
  for (const ago of daysAgo) {
    recordEventCount(profile, 'top-up', now - ago * DAY_MS, windowDays);
  }
  return profile;
};

describe(recordEventCount.name, () => {
  it.each([
    { name: 'counts a first event', daysAgo: [0], pairs: [today, 1] },
    { name: 'adds to the same day', daysAgo: [0, 0, 0], pairs: [today, 3] },
    { name: 'keeps days oldest first', daysAgo: [2, 0], pairs: [today - 2, 1, today, 1] },
    {
      name: 'inserts a late event in day order',
      daysAgo: [5, 0, 2],
      pairs: [today - 5, 1, today - 2, 1, today, 1],
    },
    {
      name: 'prunes days beyond the window',
      daysAgo: [40, 29, 0],
      pairs: [today - 29, 1, today, 1],
    },
    { name: 'ignores an event older than the window', daysAgo: [0, 30], pairs: [today, 1] },
  ])('$name', ({ daysAgo, pairs }) => {
    expect(profileWithEvents(daysAgo).eventCounts).toEqual({ 'top-up': pairs });
  });

  it('prunes on a same-day event once the window shrank (catalog change)', () => {
    const profile = profileWithEvents([10, 0]);
    recordEventCount(profile, 'top-up', now, 7);
    expect(profile.eventCounts).toEqual({ 'top-up': [today, 2] });
  });

  it('does not count a same-day event under a window of 0 days', () => {
    const profile = profileWithEvents([0]);
    recordEventCount(profile, 'top-up', now, 0);
    expect(profile.eventCounts).toEqual({ 'top-up': [today, 1] });
  });

  it('keeps counters of other event types apart', () => {
    const profile = profileWithEvents([0]);
    recordEventCount(profile, 'store-visit', now, 7);
    expect(countEvents(profile, 'top-up', 1, now)).toBe(1);
    expect(countEvents(profile, 'store-visit', 1, now)).toBe(1);
  });
});

describe(countEvents.name, () => {
  it.each([
    { daysAgo: [0, 0, 1, 29], days: 30, count: 4 },
    { daysAgo: [0, 0, 1, 29], days: 1, count: 2 },
    { daysAgo: [0, 0, 1, 29], days: 2, count: 3 },
    { daysAgo: [0, 1, 29], days: 29, count: 2 },
    { daysAgo: [0], days: 0, count: 0 },
    { daysAgo: [], days: 30, count: 0 },
  ])('counts $count events in the last $days days of $daysAgo', ({ daysAgo, days, count }) => {
    expect(countEvents(profileWithEvents(daysAgo), 'top-up', days, now)).toBe(count);
  });

  it('counts today from UTC midnight, not from 24 hours ago', () => {
    const profile = emptyProfile();
    recordEventCount(profile, 'top-up', now - 9 * 3_600_000, 30); // 23:00 yesterday (UTC)
    expect(countEvents(profile, 'top-up', 1, now)).toBe(0);
    expect(countEvents(profile, 'top-up', 2, now)).toBe(1);
  });

  it('does not count events dated after now', () => {
    const profile = profileWithEvents([-1, 0]);
    expect(countEvents(profile, 'top-up', 30, now)).toBe(1);
  });

  it('returns 0 for an event type never counted', () => {
    expect(countEvents(profileWithEvents([0]), 'store-visit', 30, now)).toBe(0);
  });
});
