import type { CustomerEvent } from '@omnitouch/core';
import type { SqliteDatabase } from '../sqlite-database';

/** One event-log row past a cursor: its position and id (`readPayload` fetches the event itself). */
export interface LoggedEventRow {
  /** 1-based log position (the `event_log` rowid). */
  readonly position: number;
  readonly eventId: string;
}

/**
 * A named, persisted position in the event log: "every event up to here has been processed".
 * `advance` must run inside the transaction that applied the processed events, so the cursor
 * and the work it stands for commit (or vanish) together.
 */
export class SqlitePipelineCursor {
  readonly #name: string;
  readonly #select;
  readonly #upsert;
  readonly #after;
  readonly #payload;

  constructor(db: SqliteDatabase, name: string) {
    this.#name = name;
    this.#select = db
      .prepare<[string], number>('SELECT position FROM pipeline_cursor WHERE name = ?')
      .pluck();
    this.#upsert = db.prepare<[string, number]>(
      `INSERT INTO pipeline_cursor (name, position) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
    );
    this.#after = db.prepare<[number, number], LoggedEventRow>(
      `SELECT position, event_id AS eventId FROM event_log
       WHERE position > ? ORDER BY position LIMIT ?`,
    );
    this.#payload = db
      .prepare<[number], string>('SELECT payload FROM event_log WHERE position = ?')
      .pluck();
  }

  /** The last processed log position (0: nothing processed yet). */
  position(): number {
    return this.#select.get(this.#name) ?? 0;
  }

  /** Records that every event up to `position` is processed. */
  advance(position: number): void {
    this.#upsert.run(this.#name, position);
  }

  /**
   * The stored event at `row` (written by `SqliteEventLog` as the event's JSON). Live callers
   * already hold their events; only recovery reads them back, so ids are listed without payloads.
   */
  readEvent(row: LoggedEventRow): CustomerEvent {
    const payload = this.#payload.get(row.position);
    if (payload === undefined) {
      throw new Error(`event log position ${row.position} vanished`);
    }
    return JSON.parse(payload) as CustomerEvent;
  }

  /** Log rows after `position`, oldest first, at most `limit`. */
  readAfter(position: number, limit: number): LoggedEventRow[] {
    return this.#after.all(position, limit);
  }
}
