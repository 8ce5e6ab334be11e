import type { OfferOutcome, OutcomeRecord } from '@omnitouch/core';
import type { OutcomeStore } from '@omnitouch/engine';
import type { SqliteDatabase } from './sqlite-database';

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

/** `OutcomeStore` over the `outcomes` table; arrival order is the rowid order. */
export class SqliteOutcomeStore implements OutcomeStore {
  readonly #insert;
  readonly #selectForOffer;

  constructor(db: SqliteDatabase) {
    this.#insert = db.prepare<[OutcomeRow]>(
      `INSERT INTO outcomes (offer_id, customer_id, case_id, touchpoint_id, outcome, at, amount, staff_id)
       VALUES (@offer_id, @customer_id, @case_id, @touchpoint_id, @outcome, @at, @amount, @staff_id)`,
    );
    this.#selectForOffer = db.prepare<[string], OutcomeRow>(
      `SELECT offer_id, customer_id, case_id, touchpoint_id, outcome, at, amount, staff_id
       FROM outcomes WHERE offer_id = ? ORDER BY id`,
    );
  }

  append(outcome: OutcomeRecord): void {
    this.#insert.run({
      offer_id: outcome.offerId,
      customer_id: outcome.customerId,
      case_id: outcome.caseId,
      touchpoint_id: outcome.touchpointId,
      outcome: outcome.outcome,
      at: outcome.at,
      amount: outcome.amount ?? null,
      staff_id: outcome.staffId ?? null,
    });
  }

  listForOffer(offerId: string): OutcomeRecord[] {
    return this.#selectForOffer.all(offerId).map(fromRow);
  }
}

function fromRow(row: OutcomeRow): OutcomeRecord {
  return {
    offerId: row.offer_id,
    customerId: row.customer_id,
    caseId: row.case_id,
    touchpointId: row.touchpoint_id,
    outcome: row.outcome,
    at: row.at,
    // Spread only what was recorded, so a round-tripped record deep-equals the one appended.
    ...(row.amount !== null && { amount: row.amount }),
    ...(row.staff_id !== null && { staffId: row.staff_id }),
  };
}
