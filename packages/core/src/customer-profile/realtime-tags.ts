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
  const pairs = profile.realtimeTags;
  if (pairs === undefined) {
    if (expiresAt > now) {
      profile.realtimeTags = [bit, expiresAt];
    }
    return;
  }
  // Compacts in place (the array is the profile's own): no new array per event.
  let kept = 0;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const pairBit = pairs[i] as number;
    const pairExpiry = pairs[i + 1] as number;
    if (pairBit !== bit && pairExpiry > now) {
      pairs[kept] = pairBit;
      pairs[kept + 1] = pairExpiry;
      kept += 2;
    }
  }
  pairs.length = kept;
  if (expiresAt > now) {
    pairs.push(bit, expiresAt);
  }
  if (pairs.length === 0) {
    profile.realtimeTags = undefined; // not `delete`: that would turn the profile into a slow dictionary
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
