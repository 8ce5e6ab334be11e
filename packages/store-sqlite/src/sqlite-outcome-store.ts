import type { OutcomeRecord } from '@omnitouch/core';
import type { OutcomeStore } from '@omnitouch/engine';
import { outcomeColumns, outcomeFromRow, outcomeToRow, type OutcomeRow } from './outcome-row';
import type { SqliteDatabase } from './sqlite-database';

/** `OutcomeStore` over the `outcomes` table; arrival order is the rowid order. */
export class SqliteOutcomeStore implements OutcomeStore {
  readonly #insert;
  readonly #selectForOffer;

  constructor(db: SqliteDatabase) {
    this.#insert = db.prepare<[OutcomeRow]>(
      `INSERT INTO outcomes (${outcomeColumns})
       VALUES (@offer_id, @customer_id, @case_id, @touchpoint_id, @outcome, @at, @amount, @staff_id)`,
    );
    this.#selectForOffer = db.prepare<[string], OutcomeRow>(
      `SELECT ${outcomeColumns} FROM outcomes WHERE offer_id = ? ORDER BY id`,
    );
  }

  append(outcome: OutcomeRecord): void {
    this.#insert.run(outcomeToRow(outcome));
  }

  listForOffer(offerId: string): OutcomeRecord[] {
    return this.#selectForOffer.all(offerId).map(outcomeFromRow);
  }
}
