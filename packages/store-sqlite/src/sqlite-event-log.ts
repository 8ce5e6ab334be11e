import type { CustomerEvent } from '@omnitouch/core';
import type { EventLog } from '@omnitouch/engine';
import { EventRows } from './event-rows';
import type { SqliteDatabase } from './sqlite-database';

/**
 * `EventLog` over the `event_log` table. Position `p` (0-based) is rowid `p + 1`: rows are never
 * deleted and ignored duplicates take no rowid, so positions are contiguous. An `append` returns
 * after its transaction has committed, i.e. once the events are durable (see the README for what
 * `synchronous = NORMAL` guarantees).
 */
export class SqliteEventLog implements EventLog {
  readonly #rows;
  readonly #select;
  readonly #size;
  readonly #appendBatches;

  constructor(db: SqliteDatabase) {
    this.#rows = new EventRows(db);
    this.#select = db
      .prepare<[number, number], string>(
        'SELECT payload FROM event_log WHERE position > ? ORDER BY position LIMIT ?',
      )
      .pluck();
    // max(rowid) is a single index probe; count(*) would scan the whole log.
    this.#size = db.prepare<[], number>('SELECT coalesce(max(position), 0) FROM event_log').pluck();
    this.#appendBatches = db.transaction((batches: readonly (readonly CustomerEvent[])[]) =>
      batches.map((events) => this.#rows.insert(events)),
    );
  }

  /**
   * Inserts `events` WITHOUT opening a transaction (call it inside the caller's, so the events commit
   * together with the work done about them) and calls `onAdded` with each new event, its 1-based
   * position (rowid) and its index in `events`, in log order. Duplicates by `eventId` are skipped.
   * Returns how many were new.
   */
  insertWithin(
    events: readonly CustomerEvent[],
    onAdded: (event: CustomerEvent, position: number, index: number) => void,
  ): number {
    return this.#rows.insert(events, onAdded);
  }

  append(events: readonly CustomerEvent[]): number {
    return this.appendBatches([events])[0] ?? 0;
  }

  /**
   * Appends several callers' batches in ONE transaction (group commit) and returns, per batch, how
   * many of its events were new. Either every batch is written or, on a throw, none is.
   */
  appendBatches(batches: readonly (readonly CustomerEvent[])[]): number[] {
    return this.#appendBatches(batches);
  }

  read(from: number, limit: number): CustomerEvent[] {
    if (limit <= 0) {
      return [];
    }
    return this.#select
      .all(Math.max(0, from), limit)
      .map((payload) => JSON.parse(payload) as CustomerEvent);
  }

  size(): number {
    return this.#size.get() ?? 0;
  }
}
