import { describe, expect, it } from 'vitest';
import { createFlowControl, tryTakeCapacity } from './flow-control';

const now = Date.UTC(2026, 10, 25, 2, 0);

function takeMany(
  times: number,
  perMinute: number | undefined,
  at: number,
  state = createFlowControl(),
) {
  let taken = 0;
  for (let i = 0; i < times; i++) {
    taken += tryTakeCapacity(state, 'agent', perMinute, at) ? 1 : 0;
  }
  return taken;
}

describe(tryTakeCapacity.name, () => {
  it('starts with a full minute of capacity and then refuses', () => {
    expect(takeMany(10, 6, now)).toBe(6);
  });

  it('treats an undefined capacity as unlimited', () => {
    const state = createFlowControl();
    expect(takeMany(1000, undefined, now, state)).toBe(1000);
    expect(state.buckets.size).toBe(0);
  });

  it.each([
    ['nothing before one contact has refilled', 9_999, 0],
    ['one contact after a sixth of a minute', 10_000, 1],
    ['three contacts after half a minute', 30_000, 3],
    ['never more than the bucket holds', 10 * 60_000, 6],
  ])('refills continuously at 6 per minute: %s', (_name, elapsedMs, expected) => {
    const state = createFlowControl();
    takeMany(6, 6, now, state);
    expect(takeMany(10, 6, now + elapsedMs, state)).toBe(expected);
  });

  it('keeps touchpoints apart', () => {
    const state = createFlowControl();
    expect(tryTakeCapacity(state, 'agent', 1, now)).toBe(true);
    expect(tryTakeCapacity(state, 'agent', 1, now)).toBe(false);
    expect(tryTakeCapacity(state, 'store', 1, now)).toBe(true);
  });

  it('refills nothing when time runs backwards', () => {
    const state = createFlowControl();
    takeMany(2, 2, now, state);
    expect(tryTakeCapacity(state, 'agent', 2, now - 60_000)).toBe(false);
    expect(tryTakeCapacity(state, 'agent', 2, now + 30_000)).toBe(true);
  });

  it('applies a lowered capacity at once', () => {
    const state = createFlowControl();
    tryTakeCapacity(state, 'agent', 100, now);
    expect(takeMany(10, 3, now, state)).toBe(3);
  });

  it('carries about perMinute contacts per minute over a long run', () => {
    const state = createFlowControl();
    let taken = 0;
    for (let ms = 0; ms < 10 * 60_000; ms += 100) {
      taken += tryTakeCapacity(state, 'agent', 120, now + ms) ? 1 : 0;
    }
    expect(taken).toBe(120 + 1199); // the initial bucket plus 1 199.8 contacts refilled in 599.9 s
  });
});
