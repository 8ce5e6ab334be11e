import type { LocalizedText, OfferInstance, OfferState } from '@omnitouch/core';
import type { OfferStore } from '@omnitouch/engine';
import type { SqliteDatabase } from './sqlite-database';

interface OfferRow {
  offer_id: string;
  customer_id: string;
  case_id: string;
  case_version: number;
  event_id: string;
  created_at: number;
  expires_at: number;
  touchpoint_ids: string;
  score: number;
  content: string;
  state: OfferState;
  presented_on: string | null;
  presented_at: number | null;
}

const columns = `offer_id, customer_id, case_id, case_version, event_id, created_at, expires_at,
  touchpoint_ids, score, content, state, presented_on, presented_at`;

/**
 * `OfferStore` over the `offers` table. `tryPresent` is one conditional UPDATE, so of two
 * touchpoints (or two processes on one file) presenting the same open offer exactly one changes
 * the row; the conditions mirror core's `presentOffer` (open, unexpired, an allowed touchpoint).
 */
export class SqliteOfferStore implements OfferStore {
  readonly #insert;
  readonly #select;
  readonly #selectOpen;
  readonly #selectOpenForCase;
  readonly #present;
  readonly #close;

  constructor(db: SqliteDatabase) {
    this.#insert = db.prepare(`INSERT INTO offers (${columns})
      VALUES (@offer_id, @customer_id, @case_id, @case_version, @event_id, @created_at, @expires_at,
        @touchpoint_ids, @score, @content, @state, @presented_on, @presented_at)`);
    this.#select = db.prepare<[string], OfferRow>(
      `SELECT ${columns} FROM offers WHERE offer_id = ?`,
    );
    this.#selectOpen = db.prepare<[string, number], OfferRow>(
      `SELECT ${columns} FROM offers WHERE customer_id = ? AND state = 'open' AND expires_at > ?
       ORDER BY created_at, rowid`,
    );
    this.#selectOpenForCase = db.prepare<[string, string, number], OfferRow>(
      `SELECT ${columns} FROM offers
       WHERE customer_id = ? AND case_id = ? AND state = 'open' AND expires_at > ?
       ORDER BY created_at, rowid LIMIT 1`,
    );
    this.#present = db.prepare<[string, number, string, number, string]>(
      `UPDATE offers SET state = 'presented', presented_on = ?, presented_at = ?
       WHERE offer_id = ? AND state = 'open' AND expires_at > ?
         AND EXISTS (SELECT 1 FROM json_each(touchpoint_ids) WHERE value = ?)`,
    );
    this.#close = db.prepare<[OfferState, string]>(
      `UPDATE offers SET state = ? WHERE offer_id = ? AND state = 'open'`,
    );
  }

  /** Throws on an `offerId` already stored: offer ids are unique by construction. */
  create(offer: OfferInstance): void {
    this.#insert.run(toRow(offer));
  }

  get(offerId: string): OfferInstance | undefined {
    const row = this.#select.get(offerId);
    return row && fromRow(row);
  }

  listOpen(customerId: string, now: number): OfferInstance[] {
    return this.#selectOpen.all(customerId, now).map(fromRow);
  }

  findOpen(customerId: string, caseId: string, now: number): OfferInstance | undefined {
    const row = this.#selectOpenForCase.get(customerId, caseId, now);
    return row && fromRow(row);
  }

  tryPresent(offerId: string, touchpointId: string, at: number): boolean {
    return this.#present.run(touchpointId, at, offerId, at, touchpointId).changes === 1;
  }

  close(offerId: string, state: 'withdrawn' | 'expired'): void {
    this.#close.run(state, offerId);
  }
}

function toRow(offer: OfferInstance): OfferRow {
  return {
    offer_id: offer.offerId,
    customer_id: offer.customerId,
    case_id: offer.caseId,
    case_version: offer.caseVersion,
    event_id: offer.eventId,
    created_at: offer.createdAt,
    expires_at: offer.expiresAt,
    touchpoint_ids: JSON.stringify(offer.touchpointIds),
    score: offer.score,
    content: JSON.stringify(offer.content),
    state: offer.state,
    presented_on: offer.presentedOn ?? null,
    presented_at: offer.presentedAt ?? null,
  };
}

function fromRow(row: OfferRow): OfferInstance {
  const offer: OfferInstance = {
    offerId: row.offer_id,
    customerId: row.customer_id,
    caseId: row.case_id,
    caseVersion: row.case_version,
    eventId: row.event_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    touchpointIds: JSON.parse(row.touchpoint_ids) as string[],
    score: row.score,
    content: JSON.parse(row.content) as LocalizedText,
    state: row.state,
  };
  // Absent rather than `undefined`, so a round-tripped offer deep-equals the one created.
  if (row.presented_on !== null) {
    offer.presentedOn = row.presented_on;
  }
  if (row.presented_at !== null) {
    offer.presentedAt = row.presented_at;
  }
  return offer;
}
