import type { CustomerProfile } from './customer-profile';

/**
 * Sets real-time tag `bit` (a `TagIndex.realtimeBits` value) until `expiresAt` (epoch ms,
 * exclusive). Replaces the tag's previous expiry, even a later one, so a trigger's TTL restarts
 * from the latest event; also drops every pair that has expired by `now`, keeping the array short.
 * An `expiresAt <= now` clears the tag.
 */
export function setRealtimeTag(
  profile: CustomerProfile,
  bit: number,
  expiresAt: number,
  now: number,
): void {
  const kept: number[] = [];
  const pairs = profile.realtimeTags ?? [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const pairBit = pairs[i] as number;
    const pairExpiry = pairs[i + 1] as number;
    if (pairBit !== bit && pairExpiry > now) {
      kept.push(pairBit, pairExpiry);
    }
  }
  if (expiresAt > now) {
    kept.push(bit, expiresAt);
  }
  if (kept.length > 0) {
    profile.realtimeTags = kept;
  } else {
    delete profile.realtimeTags;
  }
}

/** Whether real-time tag `bit` holds at `now`: set, with an expiry still after `now`. */
export function hasRealtimeTag(profile: CustomerProfile, bit: number, now: number): boolean {
  const pairs = profile.realtimeTags;
  if (pairs === undefined) {
    return false;
  }
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    if (pairs[i] === bit && (pairs[i + 1] as number) > now) {
      return true;
    }
  }
  return false;
}
