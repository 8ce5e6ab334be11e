import { describe, expect, it } from 'vitest';
import { createTimeOrderedIds } from './time-ordered-ids';

describe(createTimeOrderedIds.name, () => {
  const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('makes version-7 UUIDs whose first 48 bits are the time', () => {
    const id = createTimeOrderedIds(() => Date.UTC(2026, 10, 25, 12))();
    expect(id).toMatch(uuidV7);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(Date.UTC(2026, 10, 25, 12));
  });

  it('sorts ids of a later millisecond after those of an earlier one, and never repeats', () => {
    let now = 1_700_000_000_000;
    const next = createTimeOrderedIds(() => now);
    const first = Array.from({ length: 1000 }, next);
    now += 1;
    const later = next();
    expect(first.every((id) => id < later)).toBe(true);
    expect(new Set(first).size).toBe(1000);
  });
});
