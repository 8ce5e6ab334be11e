/** Milliseconds in one minute, hour and (civil, leap-second-free) day. */
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

const DIGIT_ZERO = 48;

/**
 * Minutes since midnight of an "HH:MM" local time (the `LocalTime` schema's format). Parsed by
 * char codes because quiet hours are checked for every candidate contact. Throws on a malformed
 * value: the catalog validation should never have let one through.
 */
export function parseLocalTime(hhmm: string): number {
  const hours = (hhmm.charCodeAt(0) - DIGIT_ZERO) * 10 + (hhmm.charCodeAt(1) - DIGIT_ZERO);
  const minutes = (hhmm.charCodeAt(3) - DIGIT_ZERO) * 10 + (hhmm.charCodeAt(4) - DIGIT_ZERO);
  const isValid =
    hhmm.length === 5 &&
    hhmm.charCodeAt(2) === 58 &&
    hours >= 0 &&
    hours <= 23 &&
    minutes >= 0 &&
    minutes <= 59;
  if (!isValid) {
    throw new RangeError(`not an HH:MM local time: ${JSON.stringify(hhmm)}`);
  }
  return hours * 60 + minutes;
}

/** Milliseconds since local midnight at `now` (epoch ms) for a fixed offset in minutes east of UTC. */
export function localTimeOfDay(now: number, utcOffsetMinutes: number): number {
  const shifted = (now + utcOffsetMinutes * MS_PER_MINUTE) % MS_PER_DAY;
  return shifted < 0 ? shifted + MS_PER_DAY : shifted;
}

/** Epoch ms of the local midnight that starts the customer's calendar day containing `now`. */
export function localDayStart(now: number, utcOffsetMinutes: number): number {
  return now - localTimeOfDay(now, utcOffsetMinutes);
}
