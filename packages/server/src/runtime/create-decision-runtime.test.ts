import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CustomerEvent } from '@omnitouch/core';
import { SqlitePipelineCursor } from '@omnitouch/store-sqlite';
import { createDecisionRuntime } from './create-decision-runtime';
import { buildRuntimeCatalog, createRuntimeHarness, type RuntimeHarness } from './runtime.fixtures';

const noon = Date.UTC(2026, 5, 1, 4);
const harnesses: RuntimeHarness[] = [];
const harness = (...args: Parameters<typeof createRuntimeHarness>) => {
  const created = createRuntimeHarness(...args);
  harnesses.push(created);
  return created;
};
afterEach(() =>
  harnesses
    .splice(0)
    .reverse()
    .forEach((h) => h.close()),
);

const topUp = (eventId: string, customerId = 'c1', amount = 80): CustomerEvent => ({
  eventId,
  customerId,
  type: 'top-up',
  occurredAt: noon,
  properties: { amount },
});

function makeEligible(h: RuntimeHarness, customerId = 'c1') {
  const applied = h.runtime.applyProfileChanges([
    { customerId, attributes: { arpu: 90 }, tags: { '5g-user': true } },
  ]);
  expect(applied).toEqual({ ok: true, value: { applied: 1 } });
}

describe(createDecisionRuntime.name, () => {
  it('decides an eligible top-up, journals it and enqueues the SMS delivery', async () => {
    const h = harness();
    makeEligible(h);
    const receipt = await h.runtime.ingest([topUp('e1')]);
    expect(receipt.ok && receipt.value.accepted).toBe(1);
    expect(receipt.ok && receipt.value.decisions[0]?.actions.map((a) => a.kind)).toEqual([
      'deliver',
    ]);
    expect(h.delivery.enqueued).toHaveLength(1);
    expect(h.delivery.flushes).toBeGreaterThan(0);
    expect(h.journal.entries.map((e) => e.eventId)).toEqual(['e1']);
    expect(h.stores.eventLog.size()).toBe(1);
  });

  it('counts a repeated eventId as a duplicate and decides it only once', async () => {
    const h = harness();
    makeEligible(h);
    await h.runtime.ingest([topUp('e1')]);
    const again = await h.runtime.ingest([topUp('e1'), topUp('e2', 'c2')]);
    expect(
      again.ok && { accepted: again.value.accepted, duplicates: again.value.duplicates },
    ).toEqual({
      accepted: 1,
      duplicates: 1,
    });
    expect(h.journal.entries.map((e) => e.eventId)).toEqual(['e1', 'e2']);
  });

  it('rejects the whole batch naming every bad field by index, and applies nothing', async () => {
    const h = harness();
    const result = await h.runtime.ingest([
      topUp('ok'),
      { ...topUp('bad'), type: 'nope' },
      { ...topUp('bad2'), properties: { amount: 'x', extra: 1 } },
    ]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.field)).toEqual([
      '/1/type',
      '/2/properties/amount',
      '/2/properties/extra',
    ]);
    expect(h.stores.eventLog.size()).toBe(0);
  });

  it('returns explain traces only when asked', async () => {
    const h = harness();
    const plain = await h.runtime.ingest([topUp('e1')]);
    const explained = await h.runtime.ingest([topUp('e2')], { explain: true });
    expect(plain.ok && plain.value.decisions[0]?.trace).toBeUndefined();
    expect(explained.ok && explained.value.decisions[0]?.trace?.[0]?.reason).toBe(
      'rule-not-matched',
    );
  });

  it('decides at recover() the acknowledged events a crashed process never decided', async () => {
    const first = harness();
    makeEligible(first);
    // Acknowledged (durable) but never decided: what a kill -9 between the two steps leaves.
    await first.stores.eventCommitter.append([topUp('e1'), topUp('e2', 'c2')]);
    const second = first.reopen();
    harnesses.push(second);
    expect(second.runtime.recover()).toBe(2);
    expect(second.journal.entries.map((e) => e.eventId)).toEqual(['e1', 'e2']);
    expect(second.delivery.enqueued).toHaveLength(1);
    expect(new SqlitePipelineCursor(second.db, 'decisions').position()).toBe(2);
    expect(second.runtime.recover()).toBe(0);
  });

  it('persists profiles written through the cache in the deciding transaction', async () => {
    const h = harness();
    makeEligible(h);
    await h.runtime.ingest([topUp('e1')]);
    expect(h.stores.profiles.get('c1')?.attributes).toEqual({ arpu: 90 });
    expect(h.stores.profiles.get('c1')?.eventCounts?.['top-up']).toBeDefined();
  });

  it('forgets an offer opened by a rolled-back decision, so the case can open again', async () => {
    const h = harness({
      clock: { now: () => Date.UTC(2026, 5, 1, 15) }, // 23:00 in China: the offer waits, open
      catalog: buildRuntimeCatalog({
        touchpoint: {
          quietHours: { start: '21:00', end: '08:00', action: 'defer', deferMaxHours: 12 },
        },
      }),
    });
    makeEligible(h);
    const record = h.journal.recordDecision.bind(h.journal);
    vi.spyOn(h.journal, 'recordDecision').mockImplementation((entry) => {
      if (entry.eventId === 'bad') {
        throw new Error('journal bug after the offer was opened');
      }
      record(entry);
    });
    await h.runtime.ingest([topUp('bad')]);
    const next = await h.runtime.ingest([topUp('e2')]);
    expect(next.ok && next.value.decisions[0]?.actions.map((a) => a.kind)).toEqual(['defer']);
    const again = await h.runtime.ingest([topUp('e3')]);
    expect(again.ok && again.value.decisions[0]?.actions).toEqual([]);
  });

  it('applies a new catalog to the next event', async () => {
    const h = harness();
    const catalog = buildRuntimeCatalog();
    const renamed = {
      ...catalog,
      eventTypes: [{ ...catalog.eventTypes[0]!, id: 'recharge' }],
      cases: [],
    };
    expect(h.runtime.applyCatalog(renamed)).toEqual([]);
    const old = await h.runtime.ingest([topUp('e1')]);
    expect(!old.ok && old.issues[0]?.field).toBe('/0/type');
  });

  it('validates an accepted event again when the catalog changed before its group was decided', async () => {
    const h = harness();
    makeEligible(h);
    const catalog = buildRuntimeCatalog();
    const renamed = {
      ...catalog,
      eventTypes: [{ ...catalog.eventTypes[0]!, id: 'recharge' }],
      cases: [],
    };
    const pendingIngest = h.runtime.ingest([topUp('e1')]); // accepted, its group not yet committed
    expect(h.runtime.applyCatalog(renamed)).toEqual([]);
    const receipt = await pendingIngest;
    expect(receipt.ok && receipt.value).toEqual({ accepted: 1, duplicates: 0, decisions: [] });
    expect(h.delivery.enqueued).toEqual([]);
  });

  it('reports every bad profile change and applies none of them', () => {
    const h = harness();
    const result = h.runtime.applyProfileChanges([
      { customerId: 'c1', attributes: { arpu: 10 } },
      {
        customerId: '',
        attributes: { arpu: 'high', city: 'x' },
        tags: { nope: true },
        utcOffsetMinutes: 9999,
      },
    ]);
    expect(!result.ok && result.issues.map((i) => i.field)).toEqual([
      '/1/customerId',
      '/1/attributes/arpu',
      '/1/attributes/city',
      '/1/tags/nope',
      '/1/utcOffsetMinutes',
    ]);
    expect(h.stores.profiles.get('c1')).toBeUndefined();
  });

  it('takes due deferred deliveries in its loop tick and hands them to the delivery service', async () => {
    let now = Date.UTC(2026, 5, 1, 15); // 23:00 in China: inside 21:00–08:00
    const h = harness({
      clock: { now: () => now },
      loopIntervalMs: 20,
      catalog: buildRuntimeCatalog({
        touchpoint: {
          quietHours: { start: '21:00', end: '08:00', action: 'defer', deferMaxHours: 12 },
        },
      }),
    });
    makeEligible(h);
    const receipt = await h.runtime.ingest([topUp('e1')]);
    expect(receipt.ok && receipt.value.decisions[0]?.actions[0]?.kind).toBe('defer');
    expect(h.delivery.enqueued.map((a) => a.kind)).toEqual(['defer']);
    await new Promise((resolve) => setTimeout(resolve, 60)); // not started: nothing runs
    expect(h.delivery.runDueCalls).toEqual([]);
    now = Date.UTC(2026, 5, 2, 0, 30); // 08:30 in China
    h.runtime.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await h.runtime.stop();
    expect(h.delivery.enqueued.map((a) => a.kind)).toEqual(['defer', 'deliver']);
    expect(h.journal.entries.map((e) => e.trigger)).toEqual(['event', 'scheduled']);
    expect(h.delivery.runDueCalls).toContain(now);
  });
});
