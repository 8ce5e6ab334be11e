import type { CustomerProfile } from './customer-profile';
import { newIdRecord } from './id-record';

/** Milliseconds in a counter day; days are UTC days since the epoch (`floor(ms / DAY_MS)`). */
export const DAY_MS = 86_400_000;

/** The counter day of epoch-ms instant `at`. */
export function dayNumber(at: number): number {
  return Math.floor(at / DAY_MS);
}

/**
 * Counts one `eventType` event at `at` (epoch ms) in the profile's per-day counters, kept as flat
 * `[day, count]` pairs, oldest first. Only the last `windowDays` days (up to the newest counted day)
 * are kept: older pairs are pruned, and an event older than that is not counted.
 */
export function recordEventCount(
  profile: CustomerProfile,
  eventType: string,
  at: number,
  windowDays: number,
): void {
  const day = dayNumber(at);
  const counts = (profile.eventCounts ??= newIdRecord<number[]>());
  const pairs = counts[eventType];
  if (pairs === undefined) {
    // A literal, not `[]` then a push: a pushed-to array keeps room for 17 numbers, per
    // (customer, event type), where this keeps exactly the one pair.
    counts[eventType] = [day, 1];
    return;
  }
  const last = pairs.length - 2;
  // The usual case: another event on the newest counted day, with nothing older than the window
  // kept (so there is nothing to prune): one increment, no search.
  if (
    last >= 0 &&
    pairs[last] === day &&
    windowDays >= 1 &&
    (pairs[0] as number) > day - windowDays
  ) {
    pairs[last + 1] = (pairs[last + 1] as number) + 1;
    return;
  }
  const newest = Math.max(day, last >= 0 ? (pairs[last] as number) : day);
  const oldestKept = newest - windowDays + 1;
  if (day < oldestKept) {
    return;
  }
  incrementDay(pairs, day);
  const firstKept = firstPairAtOrAfter(pairs, oldestKept);
  if (firstKept > 0) {
    // Not `splice`: that allocates an array of the removed pairs.
    pairs.copyWithin(0, firstKept);
    pairs.length -= firstKept;
  }
}

/**
 * Number of `eventType` events counted on the last `days` days including `now`'s day (days
 * `today - days + 1 … today`). Zero for an uncounted type or `days <= 0`.
 */
export function countEvents(
  profile: CustomerProfile,
  eventType: string,
  days: number,
  now: number,
): number {
  const pairs = profile.eventCounts?.[eventType];
  if (pairs === undefined || days <= 0) {
    return 0;
  }
  const today = dayNumber(now);
  const from = today - days + 1;
  let total = 0;
  for (let i = pairs.length - 2; i >= 0; i -= 2) {
    const day = pairs[i] as number;
    if (day < from) {
      break; // pairs are oldest first
    }
    if (day <= today) {
      total += pairs[i + 1] as number;
    }
  }
  return total;
}

/** Adds one to `day`'s pair, inserting it in day order (events may arrive out of order). */
function incrementDay(pairs: number[], day: number): void {
  let i = pairs.length - 2;
  while (i >= 0 && (pairs[i] as number) > day) {
    i -= 2;
  }
  if (i >= 0 && pairs[i] === day) {
    pairs[i + 1] = (pairs[i + 1] as number) + 1;
  } else if (i + 2 === pairs.length) {
    pairs.push(day, 1); // the usual case, a new newest day: no splice, no removed-items array
  } else {
    pairs.splice(i + 2, 0, day, 1);
  }
}

/** Index of the first pair whose day is at least `day`. */
function firstPairAtOrAfter(pairs: number[], day: number): number {
  let i = 0;
  while (i < pairs.length && (pairs[i] as number) < day) {
    i += 2;
  }
  return i;
}
