/**
 * One token bucket. Tokens are kept in "token-milliseconds" (one token = 60 000 units, refilled at
 * `perMinute` units per ms), so refill stays exact integer arithmetic for integer timestamps.
 */
interface TokenBucket {
  units: number;
  updatedAt: number;
}

/** Per-touchpoint token buckets (flow control / 流控); key by `touchpointId/staffId` for staffed ones. */
export interface FlowControl {
  readonly buckets: Map<string, TokenBucket>;
}

const UNITS_PER_TOKEN = 60_000;

/** Empty flow control: every touchpoint starts with a full minute's capacity. */
export function createFlowControl(): FlowControl {
  return { buckets: new Map() };
}

/**
 * Takes one contact's worth of capacity from the touchpoint at `now` (epoch ms) if available.
 * The bucket holds at most `perMinute` contacts and refills continuously at `perMinute` per minute;
 * `undefined` means unlimited (always true, nothing tracked). Time running backwards refills nothing.
 */
export function tryTakeCapacity(
  state: FlowControl,
  touchpointId: string,
  perMinute: number | undefined,
  now: number,
): boolean {
  if (perMinute === undefined) {
    return true;
  }
  const full = perMinute * UNITS_PER_TOKEN;
  let bucket = state.buckets.get(touchpointId);
  if (bucket === undefined) {
    bucket = { units: full, updatedAt: now };
    state.buckets.set(touchpointId, bucket);
  } else if (now > bucket.updatedAt) {
    bucket.units = Math.min(full, bucket.units + (now - bucket.updatedAt) * perMinute);
    bucket.updatedAt = now;
  } else {
    // A lowered capacity applies at once.
    bucket.units = Math.min(full, bucket.units);
  }
  if (bucket.units < UNITS_PER_TOKEN) {
    return false;
  }
  bucket.units -= UNITS_PER_TOKEN;
  return true;
}
