import type { CustomerEvent, OfferOutcome, OutcomeRecord } from '@omnitouch/core';
import type { SqliteDatabase } from '../sqlite-database';

interface OutcomeRow {
  offer_id: string;
  customer_id: string;
  case_id: string;
  touchpoint_id: string;
  outcome: OfferOutcome;
  at: number;
  amount: number | null;
  staff_id: string | null;
}

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
      `SELECT offer_id, customer_id, case_id, touchpoint_id, outcome, at, amount, staff_id
       FROM outcomes WHERE customer_id = ? ORDER BY id DESC LIMIT ?`,
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
    return this.#outcomes.all(customerId, Math.max(0, limit)).map((row) => ({
      offerId: row.offer_id,
      customerId: row.customer_id,
      caseId: row.case_id,
      touchpointId: row.touchpoint_id,
      outcome: row.outcome,
      at: row.at,
      ...(row.amount !== null && { amount: row.amount }),
      ...(row.staff_id !== null && { staffId: row.staff_id }),
    }));
  }
}
