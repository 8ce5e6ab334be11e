import type { QuietHours } from '../touchpoint/touchpoint.schema';
import { MS_PER_DAY, MS_PER_MINUTE, localTimeOfDay, parseLocalTime } from './local-time';

/** Where and when to look for quiet hours: `now` in epoch ms, the offset in minutes east of UTC. */
export interface QuietHoursQuery {
  readonly quietHours: QuietHours | undefined;
  readonly utcOffsetMinutes: number;
  readonly now: number;
}

/**
 * Milliseconds from `now` until the quiet window ends, 0 when `now` is outside it. The window is
 * [start, end) in local time and wraps midnight when end < start; start = end is an empty window.
 */
function msUntilQuietHoursEnd(quietHours: QuietHours, utcOffsetMinutes: number, now: number) {
  const start = parseLocalTime(quietHours.start) * MS_PER_MINUTE;
  const end = parseLocalTime(quietHours.end) * MS_PER_MINUTE;
  if (start === end) {
    return 0;
  }
  const time = localTimeOfDay(now, utcOffsetMinutes);
  const isInside = start < end ? time >= start && time < end : time >= start || time < end;
  return isInside ? (end - time + MS_PER_DAY) % MS_PER_DAY : 0;
}

/** Whether `now` falls inside the quiet hours (always false when there are none). */
export function isInQuietHours(query: QuietHoursQuery): boolean {
  return nextAllowedContactTime(query) !== query.now;
}

/**
 * The earliest epoch ms at or after `now` outside the quiet hours: `now` itself when outside (or
 * when the touchpoint has none), otherwise the instant the window ends in the customer's local time.
 */
export function nextAllowedContactTime(query: QuietHoursQuery): number {
  const { quietHours, utcOffsetMinutes, now } = query;
  if (quietHours === undefined) {
    return now;
  }
  return now + msUntilQuietHoursEnd(quietHours, utcOffsetMinutes, now);
}
