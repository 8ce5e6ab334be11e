import type { Clock } from '@omnitouch/engine';

/**
 * The default start of every `FakeClock`: Wednesday 2026-11-25 02:00 UTC, i.e. 10:00 in China
 * (UTC+8), outside any usual quiet hours so a scenario starts in business hours.
 */
export const fakeClockStart = Date.UTC(2026, 10, 25, 2, 0, 0);

/** A `Clock` that only moves when told to, so tests are deterministic. Times are epoch ms. */
export class FakeClock implements Clock {
  private current: number;

  constructor(start: number = fakeClockStart) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** Moves the clock forward by `ms` (≥ 0); a clock never runs backwards by accident. */
  advance(ms: number): number {
    if (!(ms >= 0)) {
      throw new RangeError(`FakeClock.advance needs ms >= 0, got ${ms}`);
    }
    this.current += ms;
    return this.current;
  }

  /** Jumps to `ms` (epoch ms), forwards or backwards. */
  set(ms: number): void {
    this.current = ms;
  }
}
