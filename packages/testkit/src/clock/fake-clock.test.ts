import { describe, expect, it } from 'vitest';
import { FakeClock, fakeClockStart } from './fake-clock';

describe(FakeClock.name, () => {
  it('starts at the fixed test epoch unless told otherwise', () => {
    expect(new FakeClock().now()).toBe(fakeClockStart);
    expect(new FakeClock(1_000).now()).toBe(1_000);
  });

  it('moves only when advanced or set', () => {
    const clock = new FakeClock(1_000);
    expect(clock.advance(500)).toBe(1_500);
    expect(clock.now()).toBe(1_500);
    clock.set(200);
    expect(clock.now()).toBe(200);
  });

  it('refuses to advance by a negative amount', () => {
    expect(() => new FakeClock().advance(-1)).toThrow(RangeError);
  });
});
