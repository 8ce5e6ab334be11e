import { compileDecisionCatalog, validateCustomerEvent, type CustomerEvent } from '@omnitouch/core';
import { describe, expect, it } from 'vitest';
import { generateOperatorCatalog, operatorReferenceTime } from './operator-catalog';
import { generateEventStream } from './operator-event-stream';
import { customerIdAt } from './operator-population';

const snapshot = generateOperatorCatalog({ seed: 42 });
const compiled = compileDecisionCatalog(snapshot);
const stream = (seed: number, count: number): CustomerEvent[] => [
  ...generateEventStream({
    seed,
    catalog: snapshot,
    customers: 1000,
    startAt: operatorReferenceTime,
    eventsPerSecond: 100,
    count,
  }),
];
const events = stream(42, 20_000);

describe(generateEventStream.name, () => {
  it('gives the same events for the same seed and different ones for another seed', () => {
    expect(JSON.stringify(stream(42, 500))).toBe(JSON.stringify(events.slice(0, 500)));
    expect(JSON.stringify(stream(43, 500))).not.toBe(JSON.stringify(events.slice(0, 500)));
  });

  it('produces only events that validateCustomerEvent accepts', () => {
    if (!compiled.ok) {
      throw new Error('the generated catalog must compile');
    }
    const rejected = events.flatMap((event) => {
      const result = validateCustomerEvent(event, compiled.value);
      return result.ok ? [] : [{ event, issues: result.issues }];
    });
    expect(rejected.slice(0, 3)).toEqual([]);
  });

  it('spaces events by the requested rate and addresses only known customers', () => {
    expect(events[0]?.occurredAt).toBe(operatorReferenceTime);
    expect(events[100]?.occurredAt).toBe(operatorReferenceTime + 1000);
    const known = new Set(Array.from({ length: 1000 }, (_, i) => customerIdAt(i)));
    expect(events.every((e) => known.has(e.customerId))).toBe(true);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
  });

  it('is dominated by usage and billing events, with in-contact events rarer', () => {
    const categoryOf = new Map(snapshot.eventTypes.map((t) => [t.id, t]));
    const share = (predicate: (id: string) => boolean) =>
      events.filter((e) => predicate(e.type)).length / events.length;
    const usageAndBilling = share((id) =>
      ['usage', 'billing'].includes(categoryOf.get(id)?.category ?? ''),
    );
    const inContact = share((id) => categoryOf.get(id)?.inContactAt !== undefined);
    expect(usageAndBilling).toBeGreaterThan(0.5);
    expect(inContact).toBeLessThan(0.1);
    expect(inContact).toBeGreaterThan(0.02);
  });
});
