import type { DecisionCatalog } from '../catalog/decision-catalog';
import type { CustomerEvent } from '../customer-event/customer-event.schema';
import type { CustomerProfile } from './customer-profile';
import { recordEventCount } from './event-counts';
import { setRealtimeTag } from './realtime-tags';

/**
 * Folds a validated event into the profile: counts it when its type has `counterWindowDays`, then
 * sets every real-time tag whose `setBy` trigger names its type (and whose condition holds, seeing
 * the updated counters) until `occurredAt + ttlSeconds`. A tag already holding longer keeps its
 * later expiry, so a late, out-of-order event never shortens it.
 */
export function applyEventToProfile(
  profile: CustomerProfile,
  event: CustomerEvent,
  catalog: DecisionCatalog,
  now: number,
): void {
  const windowDays = catalog.eventTypes.get(event.type)?.counterWindowDays;
  if (windowDays !== undefined) {
    recordEventCount(profile, event.type, event.occurredAt, windowDays);
  }
  const triggers = catalog.realtimeTagTriggers.get(event.type);
  if (triggers === undefined) {
    return;
  }
  for (const trigger of triggers) {
    if (trigger.condition && !trigger.condition({ profile, event, now })) {
      continue;
    }
    const expiresAt = event.occurredAt + trigger.ttlSeconds * 1000;
    if (expiresAt > realtimeExpiry(profile, trigger.bit)) {
      setRealtimeTag(profile, trigger.bit, expiresAt, now);
    }
  }
}

/** The expiry currently recorded for real-time tag `bit`, or -Infinity when none. */
function realtimeExpiry(profile: CustomerProfile, bit: number): number {
  const pairs = profile.realtimeTags ?? [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    if (pairs[i] === bit) {
      return pairs[i + 1] as number;
    }
  }
  return -Infinity;
}
