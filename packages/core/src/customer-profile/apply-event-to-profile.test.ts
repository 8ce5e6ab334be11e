import { describe, expect, it } from 'vitest';
import { buildCatalogSnapshot } from '../catalog/catalog-snapshot.fixture';
import { compileDecisionCatalog } from '../catalog/compile-decision-catalog';
import type { DecisionCatalog } from '../catalog/decision-catalog';
import type { CustomerEvent } from '../customer-event/customer-event.schema';
import { applyEventToProfile } from './apply-event-to-profile';
import { createCustomerProfile } from './create-customer-profile';
import { countEvents } from './event-counts';
import { hasRealtimeTag } from './realtime-tags';

const now = Date.UTC(2026, 10, 25, 8, 0, 0);
const hour = 3_600_000;

const catalog = ((): DecisionCatalog => {
  const result = compileDecisionCatalog(buildCatalogSnapshot());
  if (!result.ok) {
    throw new Error(JSON.stringify(result.issues));
  }
  return result.value;
})();
const roamingBit = catalog.tagIndex.realtimeBits.get('roaming') ?? -1;
const bigTopUpBit = catalog.tagIndex.realtimeBits.get('big-top-up') ?? -1;

const event = (type: string, properties: CustomerEvent['properties'] = {}, at = now) => ({
  eventId: `${type}-${at}`,
  customerId: 'c1',
  type,
  occurredAt: at,
  properties,
});

describe(applyEventToProfile.name, () => {
  it('counts events of counted types only', () => {
    const profile = createCustomerProfile('c1', catalog.tagIndex);
    applyEventToProfile(profile, event('top-up', { amount: 5 }), catalog, now);
    applyEventToProfile(profile, event('roaming-start'), catalog, now);
    expect(countEvents(profile, 'top-up', 30, now)).toBe(1);
    expect(profile.eventCounts).toEqual({ 'top-up': [Math.floor(now / 86_400_000), 1] });
  });

  it.each([
    {
      name: 'sets a real-time tag for its TTL after the event',
      amount: 5,
      at: now,
      bit: roamingBit,
    },
    { name: 'sets a tag only when its condition holds', amount: 100, at: now, bit: bigTopUpBit },
  ])('$name', ({ amount, bit }) => {
    const profile = createCustomerProfile('c1', catalog.tagIndex);
    applyEventToProfile(profile, event('roaming-start'), catalog, now);
    applyEventToProfile(profile, event('top-up', { amount }), catalog, now);
    expect(hasRealtimeTag(profile, bit, now)).toBe(true);
  });

  it('leaves a tag unset when its condition fails', () => {
    const profile = createCustomerProfile('c1', catalog.tagIndex);
    applyEventToProfile(profile, event('top-up', { amount: 99 }), catalog, now);
    expect(hasRealtimeTag(profile, bigTopUpBit, now)).toBe(false);
    expect(profile.realtimeTags).toBeUndefined();
  });

  it('expires the tag ttlSeconds after the event occurred', () => {
    const profile = createCustomerProfile('c1', catalog.tagIndex);
    applyEventToProfile(profile, event('roaming-start', {}, now - hour), catalog, now);
    expect(hasRealtimeTag(profile, roamingBit, now + 23 * hour - 1)).toBe(true);
    expect(hasRealtimeTag(profile, roamingBit, now + 23 * hour)).toBe(false);
  });

  it('never shortens a tag because of a late, out-of-order event', () => {
    const profile = createCustomerProfile('c1', catalog.tagIndex);
    applyEventToProfile(profile, event('roaming-start', {}, now), catalog, now);
    applyEventToProfile(profile, event('roaming-start', {}, now - 20 * hour), catalog, now);
    expect(hasRealtimeTag(profile, roamingBit, now + 23 * hour)).toBe(true);
  });
});
