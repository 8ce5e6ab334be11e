import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CustomerEvent } from '@omnitouch/core';
import { SqlitePipelineCursor } from '@omnitouch/store-sqlite';
import { createDecidingAppender } from './deciding-appender';
import { createRuntimeHarness, type RuntimeHarness } from './runtime.fixtures';

const noon = Date.UTC(2026, 5, 1, 4);
const harnesses: RuntimeHarness[] = [];
afterEach(() => harnesses.splice(0).forEach((h) => h.close()));
const harness = (...args: Parameters<typeof createRuntimeHarness>) => {
  const created = createRuntimeHarness(...args);
  harnesses.push(created);
  return created;
};

const topUp = (eventId: string, customerId = 'c1'): CustomerEvent => ({
  eventId,
  customerId,
  type: 'top-up',
  occurredAt: noon,
  properties: { amount: 80 },
});

const cursorOf = (h: RuntimeHarness) => new SqlitePipelineCursor(h.db, 'decisions').position();

describe(createDecidingAppender.name, () => {
  it('appends, decides and advances the cursor for concurrent calls in ONE commit', async () => {
    const h = harness();
    const commits = vi.spyOn(h.db, 'transaction');
    const [first, second] = await Promise.all([
      h.runtime.ingest([topUp('e1')]),
      h.runtime.ingest([topUp('e2', 'c2'), topUp('e1')]),
    ]);
    expect(first?.ok && first.value.accepted).toBe(1);
    expect(
      second?.ok && { accepted: second.value.accepted, dupes: second.value.duplicates },
    ).toEqual({ accepted: 1, dupes: 1 });
    expect(second?.ok && second.value.decisions.map((d) => d.customerId)).toEqual(['c2']);
    expect(h.stores.eventLog.size()).toBe(2);
    expect(cursorOf(h)).toBe(2);
    expect(h.journal.entries.map((e) => e.eventId)).toEqual(['e1', 'e2']);
    // The transaction functions are built once: nothing new per group.
    expect(commits).not.toHaveBeenCalled();
  });

  it('still acknowledges a group when the pipeline throws on one event, deciding the others', async () => {
    const onError = vi.fn();
    const h = harness({ onError });
    const record = h.journal.recordDecision.bind(h.journal);
    vi.spyOn(h.journal, 'recordDecision').mockImplementation((entry) => {
      if (entry.eventId === 'bad') {
        throw new Error('journal bug');
      }
      record(entry);
    });
    const [first, second] = await Promise.all([
      h.runtime.ingest([topUp('e1')]),
      h.runtime.ingest([topUp('bad', 'c2'), topUp('e2', 'c3')]),
    ]);
    expect(first?.ok && first.value.accepted).toBe(1);
    expect(second?.ok && second.value.accepted).toBe(2);
    expect(second?.ok && second.value.decisions.map((d) => d.customerId)).toEqual(['c3']);
    expect(h.stores.eventLog.size()).toBe(3);
    expect(cursorOf(h)).toBe(3);
    // The recording journal is not rolled back with SQLite (the real one is): ids, not counts.
    expect(new Set(h.journal.entries.map((e) => e.eventId))).toEqual(new Set(['e1', 'e2']));
    expect(onError).toHaveBeenCalledWith(expect.any(Error), 'deciding event bad');
  });
});
