import {
  compileDecisionCatalog,
  validateCatalogSnapshot,
  type CatalogSnapshot,
} from '@omnitouch/core';
import { describe, expect, it } from 'vitest';
import { generateOperatorCatalog, operatorReferenceTime } from './operator-catalog';

const catalog = generateOperatorCatalog({ seed: 42 });

/** Top-level conditions of a case's `{"and": [...]}` target rule. */
const conditionsOf = (snapshot: CatalogSnapshot, index: number): unknown[] => {
  const rule = snapshot.cases[index]?.targetRule as { and?: unknown[] } | undefined;
  return rule?.and ?? [];
};

describe(generateOperatorCatalog.name, () => {
  it('has the reference operator sizes: 80 categories, 1,200 tags, 112 event types, 20 touchpoints, 1,000 cases', () => {
    expect(catalog.tagCatalog.categories).toHaveLength(80);
    expect(catalog.tagCatalog.tags).toHaveLength(1200);
    expect(catalog.eventTypes).toHaveLength(112);
    expect(catalog.touchpoints).toHaveLength(20);
    expect(catalog.cases).toHaveLength(1000);
  });

  it('passes validateCatalogSnapshot and compiles to a decision catalog', () => {
    const validated = validateCatalogSnapshot(catalog);
    expect(validated.ok ? [] : validated.issues).toEqual([]);
    const compiled = compileDecisionCatalog(catalog);
    expect(compiled.ok).toBe(true);
    if (compiled.ok) {
      expect(
        compiled.value.tagIndex.staticBits.size + compiled.value.tagIndex.realtimeBits.size,
      ).toBe(1200);
    }
  });

  it('gives a byte-identical snapshot for the same seed and a different one for another seed', () => {
    const again = JSON.stringify(generateOperatorCatalog({ seed: 42 }));
    expect(again).toBe(JSON.stringify(catalog));
    expect(JSON.stringify(generateOperatorCatalog({ seed: 43 }))).not.toBe(again);
  });

  it('triggers at least one live case from every event type', () => {
    const triggering = new Set(catalog.cases.map((c) => c.trigger.eventType));
    expect(catalog.eventTypes.filter((t) => !triggering.has(t.id))).toEqual([]);
    expect(catalog.cases.every((c) => c.status === 'live')).toBe(true);
  });

  it('keeps every case live for a year around the reference time, with 2–6 target conditions and 1–4 touchpoints', () => {
    catalog.cases.forEach((c, i) => {
      expect(c.validFrom).toBeLessThan(operatorReferenceTime);
      expect(c.validUntil).toBeGreaterThan(operatorReferenceTime + 180 * 86_400_000);
      expect(conditionsOf(catalog, i).length).toBeGreaterThanOrEqual(2);
      expect(conditionsOf(catalog, i).length).toBeLessThanOrEqual(6);
      expect(c.touchpoints.length).toBeGreaterThanOrEqual(1);
      expect(c.touchpoints.length).toBeLessThanOrEqual(4);
    });
  });

  it('has real-time tags with triggers and TTLs, and trigger conditions on event properties and counters', () => {
    const realtime = catalog.tagCatalog.tags.filter((t) => t.kind === 'realtime');
    expect(realtime.map((t) => t.id)).toEqual(
      expect.arrayContaining(['roaming-now', 'quota-80-this-month', 'visited-store-last-hour']),
    );
    expect(realtime.every((t) => (t.ttlSeconds ?? 0) > 0 && (t.setBy?.length ?? 0) > 0)).toBe(true);
    const conditions = catalog.cases.flatMap((c) =>
      c.trigger.condition === undefined ? [] : [JSON.stringify(c.trigger.condition)],
    );
    expect(conditions.some((c) => c.includes('event_count'))).toBe(true);
    expect(conditions.some((c) => c.includes('"event.percent"'))).toBe(true);
  });

  it('defers SMS and outbound calls in the 21:00–08:00 quiet hours and marks in-contact event types', () => {
    const byId = new Map(catalog.touchpoints.map((t) => [t.id, t]));
    expect(byId.get('sms')?.quietHours).toMatchObject({
      start: '21:00',
      end: '08:00',
      action: 'defer',
    });
    expect(byId.get('outbound-call')?.quietHours).toMatchObject({
      start: '21:00',
      end: '08:00',
      action: 'defer',
    });
    const inContact = Object.fromEntries(catalog.eventTypes.map((t) => [t.id, t.inContactAt]));
    expect(inContact).toMatchObject({
      'hotline-call': 'call-centre-agent',
      'store-visit': 'store-clerk-screen',
      'online-hall-login': 'web-hall-banner',
      'app-session-start': 'app-home-banner',
    });
  });

  it.each([
    { categories: 80, tags: 300, eventTypes: 40, touchpoints: 12, cases: 50 },
    { categories: 100, tags: 3000, eventTypes: 130, touchpoints: 20, cases: 2000 },
  ])('stays valid at other sizes: %o', (sizes) => {
    const snapshot = generateOperatorCatalog({ seed: 1, ...sizes });
    const validated = validateCatalogSnapshot(snapshot);
    expect(validated.ok ? [] : validated.issues.slice(0, 5)).toEqual([]);
    expect(snapshot.tagCatalog.tags).toHaveLength(sizes.tags);
    expect(snapshot.eventTypes).toHaveLength(sizes.eventTypes);
    expect(snapshot.cases).toHaveLength(sizes.cases);
  });
});
