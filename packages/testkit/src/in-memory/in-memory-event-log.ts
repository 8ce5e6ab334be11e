import type { CustomerEvent } from '@omnitouch/core';
import type { EventLog } from '@omnitouch/engine';

/** An `EventLog` in an array; an `eventId` seen before is skipped, so appends are idempotent. */
export class InMemoryEventLog implements EventLog {
  private readonly events: CustomerEvent[] = [];
  private readonly eventIds = new Set<string>();

  append(events: readonly CustomerEvent[]): number {
    let added = 0;
    for (const event of events) {
      if (!this.eventIds.has(event.eventId)) {
        this.eventIds.add(event.eventId);
        this.events.push(event);
        added++;
      }
    }
    return added;
  }

  read(from: number, limit: number): CustomerEvent[] {
    return this.events.slice(Math.max(0, from), Math.max(0, from) + Math.max(0, limit));
  }

  size(): number {
    return this.events.length;
  }
}
