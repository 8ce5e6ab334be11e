import type { CustomerEvent, OutcomeRecord } from '@omnitouch/core';
import { outcomeColumns, outcomeFromRow, type OutcomeRow } from '../outcome-row';
import type { SqliteDatabase } from '../sqlite-database';

/**
 * Reads one customer's events and outcomes, newest first, for the timeline API. Served by the
 * customer indexes of migration 0010, so a read costs `limit` rows, not a scan of the log.
 */
export class SqliteCustomerHistory {
  readonly #events;
  readonly #outcomes;

  constructor(db: SqliteDatabase) {
    this.#events = db
      .prepare<[string, number], string>(
        'SELECT payload FROM event_log WHERE customer_id = ? ORDER BY position DESC LIMIT ?',
      )
      .pluck();
    this.#outcomes = db.prepare<[string, number], OutcomeRow>(
      `SELECT ${outcomeColumns} FROM outcomes WHERE customer_id = ? ORDER BY id DESC LIMIT ?`,
    );
  }

  /** The customer's most recently logged events (log order, newest first), at most `limit`. */
  listEvents(customerId: string, limit: number): CustomerEvent[] {
    return this.#events
      .all(customerId, Math.max(0, limit))
      .map((payload) => JSON.parse(payload) as CustomerEvent);
  }

  /** The customer's most recently reported outcomes, newest first, at most `limit`. */
  listOutcomes(customerId: string, limit: number): OutcomeRecord[] {
    return this.#outcomes.all(customerId, Math.max(0, limit)).map(outcomeFromRow);
  }
}
