import type { CustomerEvent } from '@omnitouch/core';
import type { SqliteDatabase } from './sqlite-database';

/** Rows one INSERT carries, largest first: a batch of 100 events takes 4 statements, not 100. */
const chunkSizes = [64, 16, 4, 1] as const;

/**
 * Inserts events into `event_log` with multi-row `INSERT OR IGNORE` statements (a statement's
 * fixed cost, not its rows, dominated the per-event cost of the log). Rowids of one statement's new
 * rows are consecutive and in VALUES order (`max(rowid) + 1` each), so when a statement added every
 * row its positions follow from `lastInsertRowid`; when it skipped duplicates, one range read of
 * the rows it did add tells which.
 */
export class EventRows {
  readonly #inserts;
  readonly #addedSince;

  constructor(db: SqliteDatabase) {
    this.#inserts = chunkSizes.map((size) =>
      db.prepare<string[]>(
        `INSERT OR IGNORE INTO event_log (event_id, customer_id, payload) VALUES ${Array.from(
          { length: size },
          () => '(?, ?, ?)',
        ).join(', ')}`,
      ),
    );
    this.#addedSince = db
      .prepare<[number], string>(
        'SELECT event_id FROM event_log WHERE position > ? ORDER BY position',
      )
      .pluck();
  }

  /**
   * Inserts `events` in order, calling `onAdded` for each new one with its 1-based position and
   * its index in `events`; returns how many were new. Opens no transaction.
   */
  insert(
    events: readonly CustomerEvent[],
    onAdded?: (event: CustomerEvent, position: number, index: number) => void,
  ): number {
    let added = 0;
    let from = 0;
    while (from < events.length) {
      const left = events.length - from;
      const which = chunkSizes.findIndex((size) => size <= left);
      const size = chunkSizes[which] as number;
      added += this.#insertChunk(which, events, from, size, onAdded);
      from += size;
    }
    return added;
  }

  #insertChunk(
    which: number,
    events: readonly CustomerEvent[],
    from: number,
    size: number,
    onAdded: ((event: CustomerEvent, position: number, index: number) => void) | undefined,
  ): number {
    const values = new Array<string>(size * 3);
    for (let offset = 0; offset < size; offset++) {
      const event = events[from + offset] as CustomerEvent;
      values[offset * 3] = event.eventId;
      values[offset * 3 + 1] = event.customerId;
      values[offset * 3 + 2] = JSON.stringify(event);
    }
    const result = this.#inserts[which]?.run(...values);
    const changes = result?.changes ?? 0;
    if (changes === 0 || onAdded === undefined) {
      return changes;
    }
    const first = Number(result?.lastInsertRowid) - changes + 1;
    if (changes === size) {
      for (let offset = 0; offset < size; offset++) {
        onAdded(events[from + offset] as CustomerEvent, first + offset, from + offset);
      }
      return changes;
    }
    // Some were duplicates: the new rows are the last `changes` ones, in VALUES order.
    const addedIds = this.#addedSince.all(first - 1);
    let next = 0;
    for (let offset = 0; offset < size && next < addedIds.length; offset++) {
      const event = events[from + offset] as CustomerEvent;
      if (event.eventId === addedIds[next]) {
        onAdded(event, first + next, from + offset);
        next += 1;
      }
    }
    return changes;
  }
}
