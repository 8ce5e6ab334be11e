import type { LocalizedText } from '@omnitouch/core';
import type { ScheduledDelivery, ScheduledDeliveryStore } from '@omnitouch/engine';
import type { SqliteDatabase } from './sqlite-database';

interface ScheduledRow {
  id: number;
  offer_id: string;
  customer_id: string;
  case_id: string;
  touchpoint_id: string;
  delivery_method: string;
  content: string;
  deliver_at: number;
  expires_at: number;
}

/**
 * `ScheduledDeliveryStore` over `scheduled_deliveries`. `takeDue` selects and deletes in one
 * transaction, so a delivery is handed out exactly once: a crash before the commit leaves it
 * scheduled, after the commit it is gone. Due means `deliverAt <= now`; earliest first, then in
 * scheduling order. Expired deliveries are returned too: dropping them is the engine's decision.
 */
export class SqliteScheduledDeliveryStore implements ScheduledDeliveryStore {
  readonly #insert;
  readonly #size;
  readonly #takeDue;

  constructor(db: SqliteDatabase) {
    this.#insert = db.prepare<[Omit<ScheduledRow, 'id'>]>(
      `INSERT INTO scheduled_deliveries
         (offer_id, customer_id, case_id, touchpoint_id, delivery_method, content, deliver_at, expires_at)
       VALUES (@offer_id, @customer_id, @case_id, @touchpoint_id, @delivery_method, @content,
         @deliver_at, @expires_at)`,
    );
    this.#size = db.prepare<[], number>('SELECT count(*) FROM scheduled_deliveries').pluck();
    const selectDue = db.prepare<[number, number], ScheduledRow>(
      `SELECT * FROM scheduled_deliveries WHERE deliver_at <= ? ORDER BY deliver_at, id LIMIT ?`,
    );
    const remove = db.prepare<[number]>('DELETE FROM scheduled_deliveries WHERE id = ?');
    // Immediate: take the write lock before the SELECT, so two processes cannot take the same rows.
    const takeDue = db.transaction((now: number, limit: number) => {
      const rows = selectDue.all(now, limit);
      rows.forEach((row) => remove.run(row.id));
      return rows.map(fromRow);
    });
    this.#takeDue = takeDue.immediate.bind(takeDue);
  }

  schedule(delivery: ScheduledDelivery): void {
    this.#insert.run({
      offer_id: delivery.offerId,
      customer_id: delivery.customerId,
      case_id: delivery.caseId,
      touchpoint_id: delivery.touchpointId,
      delivery_method: delivery.deliveryMethod,
      content: JSON.stringify(delivery.content),
      deliver_at: delivery.deliverAt,
      expires_at: delivery.expiresAt,
    });
  }

  takeDue(now: number, limit: number): ScheduledDelivery[] {
    return limit > 0 ? this.#takeDue(now, limit) : [];
  }

  size(): number {
    return this.#size.get() ?? 0;
  }
}

function fromRow(row: ScheduledRow): ScheduledDelivery {
  return {
    offerId: row.offer_id,
    customerId: row.customer_id,
    caseId: row.case_id,
    touchpointId: row.touchpoint_id,
    deliveryMethod: row.delivery_method,
    content: JSON.parse(row.content) as LocalizedText,
    deliverAt: row.deliver_at,
    expiresAt: row.expires_at,
  };
}
