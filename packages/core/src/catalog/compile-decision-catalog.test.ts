import { describe, expect, it } from 'vitest';
import { createCustomerProfile } from '../customer-profile/create-customer-profile';
import { recordEventCount } from '../customer-profile/event-counts';
import { hasStaticTag, setStaticTag } from '../customer-profile/static-tags';
import type { CustomerEvent } from '../customer-event/customer-event.schema';
import type { Tag } from '../tag-catalog/tag-catalog.schema';
import type { CatalogSnapshot } from './catalog-snapshot.schema';
import { buildCatalogSnapshot } from './catalog-snapshot.fixture';
import { compileDecisionCatalog } from './compile-decision-catalog';
import type { DecisionCatalog } from './decision-catalog';

const now = Date.UTC(2026, 10, 25, 8, 0, 0);

function compiled(snapshot: CatalogSnapshot = buildCatalogSnapshot()): DecisionCatalog {
  const result = compileDecisionCatalog(snapshot);
  if (!result.ok) {
    throw new Error(`fixture rejected: ${JSON.stringify(result.issues)}`);
  }
  return result.value;
}

const topUp = (amount: number): CustomerEvent => ({
  eventId: `e-${amount}`,
  customerId: 'c1',
  type: 'top-up',
  occurredAt: now,
  properties: { amount },
});

const staticTag = (id: string): Tag => ({
  id,
  categoryId: 'value',
  name: { 'zh-CN': id, en: id },
  kind: 'static',
});

describe(compileDecisionCatalog.name, () => {
  it('indexes only live cases by the event type that triggers them', () => {
    const catalog = compiled();
    expect(catalog.casesByEventType.get('top-up')?.map((c) => c.definition.id)).toEqual([
      'top-up-bonus',
    ]);
    expect(catalog.casesByEventType.has('roaming-start')).toBe(false);
    expect([...catalog.cases.keys()]).toEqual(['top-up-bonus', 'roaming-pack']);
  });

  it('indexes live cases by the touchpoints they can use', () => {
    const catalog = compiled();
    expect(catalog.casesByTouchpoint.get('store-counter')?.map((c) => c.definition.id)).toEqual([
      'top-up-bonus',
    ]);
    expect(catalog.casesByTouchpoint.get('sms')).toHaveLength(1);
  });

  it('orders strategies by preference, keeping the listed order on ties', () => {
    const strategies = compiled().cases.get('top-up-bonus')?.strategies;
    expect(strategies?.map((s) => s.touchpointId)).toEqual(['app-push', 'sms', 'store-counter']);
  });

  it('compiles target rules over the profile', () => {
    const catalog = compiled();
    const bonus = catalog.cases.get('top-up-bonus');
    const profile = createCustomerProfile('c1', catalog.tagIndex);
    expect(bonus?.target({ profile, event: undefined, now })).toBe(false);
    setStaticTag(profile, catalog.tagIndex.staticBits.get('5g-user') ?? -1, true);
    expect(bonus?.target({ profile, event: undefined, now })).toBe(true);
  });

  it('compiles trigger conditions that see the event and the counters', () => {
    const catalog = compiled();
    const trigger = catalog.cases.get('top-up-bonus')?.trigger;
    const profile = createCustomerProfile('c1', catalog.tagIndex);
    recordEventCount(profile, 'top-up', now, 30);
    recordEventCount(profile, 'top-up', now, 30);
    expect(trigger?.({ profile, event: topUp(10), now })).toBe(false);
    recordEventCount(profile, 'top-up', now, 30);
    expect(trigger?.({ profile, event: topUp(10), now })).toBe(true);
    expect(catalog.cases.get('roaming-pack')?.trigger).toBeUndefined();
  });

  it('lists the real-time tags each event type sets', () => {
    const catalog = compiled();
    const roaming = catalog.realtimeTagTriggers.get('roaming-start');
    expect(roaming).toEqual([{ tagId: 'roaming', bit: 0, ttlSeconds: 86_400 }]);
    const [bigTopUp] = catalog.realtimeTagTriggers.get('top-up') ?? [];
    const profile = createCustomerProfile('c1', catalog.tagIndex);
    expect(bigTopUp?.condition?.({ profile, event: topUp(100), now })).toBe(true);
    expect(bigTopUp?.condition?.({ profile, event: topUp(99), now })).toBe(false);
  });

  it('changes nothing when it rejects a snapshot', () => {
    const previous = compiled().tagIndex;
    const previousCopy = structuredClone(previous);
    const snapshot = buildCatalogSnapshot();
    snapshot.tagCatalog.tags.push(staticTag('new-tag'));
    snapshot.cases[0] = { ...snapshot.cases[0]!, targetRule: { has_tag: 'no-such-tag' } };
    const before = structuredClone(snapshot);

    const result = compileDecisionCatalog(snapshot, previous);

    expect(result.ok).toBe(false);
    expect(snapshot).toEqual(before);
    expect(previous).toEqual(previousCopy);
  });

  it('keeps the compiled catalog apart from later edits of the published snapshot', () => {
    const snapshot = buildCatalogSnapshot();
    const catalog = compiled(snapshot);
    snapshot.cases[0]!.status = 'ended';
    snapshot.touchpoints[0]!.capacityPerMinute = 1;
    expect(catalog.cases.get('top-up-bonus')?.definition.status).toBe('live');
    expect(catalog.touchpoints.get('sms')?.capacityPerMinute).toBeUndefined();
    expect(Object.isFrozen(catalog.cases.get('top-up-bonus')?.definition.touchpoints)).toBe(true);
  });
});

describe(`${compileDecisionCatalog.name} when tags are added`, () => {
  it("keeps existing profiles' bits valid and lets their bitsets grow", () => {
    const first = buildCatalogSnapshot();
    first.tagCatalog.tags.push(...Array.from({ length: 30 }, (_, i) => staticTag(`t${i}`)));
    const v1 = compiled(first);
    expect(v1.tagIndex.words).toBe(1);
    const profile = createCustomerProfile('c1', v1.tagIndex);
    setStaticTag(profile, v1.tagIndex.staticBits.get('5g-user') ?? -1, true);

    const second = buildCatalogSnapshot();
    second.tagCatalog.tags.unshift(staticTag('new-first'), staticTag('new-second'));
    second.tagCatalog.tags.push(...first.tagCatalog.tags.slice(4));
    second.cases[0] = { ...second.cases[0]!, targetRule: { has_tag: 'new-second' } };
    const result = compileDecisionCatalog(second, v1.tagIndex);
    if (!result.ok) {
      throw new Error(JSON.stringify(result.issues));
    }
    const v2 = result.value;

    expect(v2.tagIndex.words).toBe(2);
    expect(v2.tagIndex.staticBits.get('5g-user')).toBe(v1.tagIndex.staticBits.get('5g-user'));
    const newBit = v2.tagIndex.staticBits.get('new-second') ?? -1;
    expect(newBit).toBeGreaterThanOrEqual(32);
    expect(hasStaticTag(profile, v2.tagIndex.staticBits.get('5g-user') ?? -1)).toBe(true);
    const target = v2.cases.get('top-up-bonus')?.target;
    expect(target?.({ profile, event: undefined, now })).toBe(false);
    setStaticTag(profile, newBit, true);
    expect(profile.tags).toHaveLength(2);
    expect(target?.({ profile, event: undefined, now })).toBe(true);
    expect(hasStaticTag(profile, v2.tagIndex.staticBits.get('5g-user') ?? -1)).toBe(true);
  });
});
