import { describe, expect, it } from 'vitest';
import type { QuietHours } from '../touchpoint/touchpoint.schema';
import { isInQuietHours, nextAllowedContactTime } from './quiet-hours';

const minute = 60_000;
const hour = 60 * minute;

/** Epoch ms of local time hh:mm on 2026-11-25 for a customer `offset` minutes east of UTC. */
function localTime(hh: number, mm: number, offset: number): number {
  return Date.UTC(2026, 10, 25, hh, mm) - offset * minute;
}

const overnight: QuietHours = { start: '21:00', end: '08:00', action: 'defer' };
const lunch: QuietHours = { start: '12:00', end: '14:00', action: 'drop' };

describe(nextAllowedContactTime.name, () => {
  it.each([
    ['before an overnight window', overnight, 480, [20, 59], 0],
    ['exactly at the start of an overnight window', overnight, 480, [21, 0], 11 * hour],
    ['late evening inside an overnight window', overnight, 480, [23, 30], 8.5 * hour],
    ['at local midnight inside an overnight window', overnight, 480, [0, 0], 8 * hour],
    ['one minute before the end', overnight, 480, [7, 59], minute],
    ['exactly at the end of an overnight window', overnight, 480, [8, 0], 0],
    ['in the window for a customer west of UTC', overnight, -300, [22, 15], 9.75 * hour],
    ['in the window at UTC', overnight, 0, [5, 0], 3 * hour],
    ['in the window at a quarter-hour offset (+05:45)', overnight, 345, [21, 30], 10.5 * hour],
    ['in the window at the largest offset (+14:00)', overnight, 840, [7, 0], hour],
    ['before a same-day window', lunch, 480, [11, 59], 0],
    ['exactly at the start of a same-day window', lunch, 480, [12, 0], 2 * hour],
    ['inside a same-day window', lunch, 480, [13, 59], minute],
    ['exactly at the end of a same-day window', lunch, 480, [14, 0], 0],
    ['after a same-day window', lunch, 480, [23, 0], 0],
  ] as const)('waits the right time %s', (_name, quietHours, offset, [hh, mm], wait) => {
    const now = localTime(hh, mm, offset);
    expect(nextAllowedContactTime({ quietHours, utcOffsetMinutes: offset, now })).toBe(now + wait);
  });

  it('returns now for a touchpoint without quiet hours', () => {
    const now = localTime(23, 0, 480);
    expect(nextAllowedContactTime({ quietHours: undefined, utcOffsetMinutes: 480, now })).toBe(now);
  });

  it('treats a window that starts where it ends as empty', () => {
    const quietHours: QuietHours = { start: '08:00', end: '08:00', action: 'drop' };
    const now = localTime(8, 0, 480);
    expect(nextAllowedContactTime({ quietHours, utcOffsetMinutes: 480, now })).toBe(now);
  });

  it('handles instants before 1970 (negative epoch ms)', () => {
    const now = Date.UTC(1969, 11, 31, 15, 0); // 23:00 CST
    expect(nextAllowedContactTime({ quietHours: overnight, utcOffsetMinutes: 480, now })).toBe(
      now + 9 * hour,
    );
  });
});

describe(isInQuietHours.name, () => {
  it.each([
    [[20, 59], false],
    [[21, 0], true],
    [[3, 0], true],
    [[8, 0], false],
  ] as const)('at local %j says %s for 21:00–08:00', ([hh, mm], expected) => {
    const now = localTime(hh, mm, 480);
    expect(isInQuietHours({ quietHours: overnight, utcOffsetMinutes: 480, now })).toBe(expected);
  });
});
