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
    // Positional parameters: binding 13 named ones costs a property lookup each, per offer.
    this.#insert = db.prepare<InsertValues>(
      `INSERT INTO offers (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
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
    this.#insert.run(
      offer.offerId,
      offer.customerId,
      offer.caseId,
      offer.caseVersion,
      offer.eventId,
      offer.createdAt,
      offer.expiresAt,
      touchpointIdsJson(offer.touchpointIds),
      offer.score,
      JSON.stringify(offer.content),
      offer.state,
      offer.presentedOn ?? null,
      offer.presentedAt ?? null,
    );
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

type InsertValues = [
  string,
  string,
  string,
  number,
  string,
  number,
  number,
  string,
  number,
  string,
  OfferState,
  string | null,
  number | null,
];

// The engine hands every offer of a case the case's own frozen touchpoint list: stringify it once.
// Only frozen lists are cached: a mutable one could change after its JSON was kept.
const touchpointIdsCache = new WeakMap<readonly string[], string>();

function touchpointIdsJson(ids: readonly string[]): string {
  let json = touchpointIdsCache.get(ids);
  if (json === undefined) {
    json = JSON.stringify(ids);
    if (Object.isFrozen(ids)) {
      touchpointIdsCache.set(ids, json);
    }
  }
  return json;
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
