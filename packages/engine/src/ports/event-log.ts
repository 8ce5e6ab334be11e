import type { CustomerEvent } from '@omnitouch/core';

/**
 * The durable, ordered log of accepted customer events. `append` returns once the events are durable
 * (acknowledged ⇒ never lost); appending an `eventId` already in the log is ignored (idempotent).
 */
export interface EventLog {
  /** Returns how many of the events were new (duplicates by `eventId` are skipped). */
  append(events: readonly CustomerEvent[]): number;
  /** Events in log order starting at position `from` (0-based), at most `limit`. */
  read(from: number, limit: number): CustomerEvent[];
  size(): number;
}
