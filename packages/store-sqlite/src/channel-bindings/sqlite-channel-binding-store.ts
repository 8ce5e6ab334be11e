import type { SqliteDatabase } from '../sqlite-database';

/** How a touchpoint's deliveries leave the server. */
export type ChannelKind = 'webhook' | 'log' | 'staff-screen';

/**
 * A touchpoint's delivery channel. `url` and `secret` are set for `webhook` (the caller checks
 * that); `timeoutMs` bounds one webhook request.
 */
export interface ChannelBinding {
  readonly touchpointId: string;
  readonly kind: ChannelKind;
  readonly url?: string;
  readonly secret?: string;
  readonly timeoutMs?: number;
}

interface BindingRow {
  touchpoint_id: string;
  kind: ChannelKind;
  url: string | null;
  secret: string | null;
  timeout_ms: number | null;
  updated_at: number;
}

/** Channel bindings per touchpoint (table `channel_bindings`, migration 0011); each call commits. */
export class SqliteChannelBindingStore {
  readonly #select;
  readonly #selectAll;
  readonly #upsert;
  readonly #delete;

  constructor(db: SqliteDatabase) {
    const columns = 'touchpoint_id, kind, url, secret, timeout_ms, updated_at';
    this.#select = db.prepare<[string], BindingRow>(
      `SELECT ${columns} FROM channel_bindings WHERE touchpoint_id = ?`,
    );
    this.#selectAll = db.prepare<[], BindingRow>(
      `SELECT ${columns} FROM channel_bindings ORDER BY touchpoint_id`,
    );
    this.#upsert = db.prepare<[BindingRow]>(
      `INSERT INTO channel_bindings (${columns})
       VALUES (@touchpoint_id, @kind, @url, @secret, @timeout_ms, @updated_at)
       ON CONFLICT (touchpoint_id) DO UPDATE SET kind = excluded.kind, url = excluded.url,
         secret = excluded.secret, timeout_ms = excluded.timeout_ms, updated_at = excluded.updated_at`,
    );
    this.#delete = db.prepare<[string]>('DELETE FROM channel_bindings WHERE touchpoint_id = ?');
  }

  get(touchpointId: string): ChannelBinding | undefined {
    const row = this.#select.get(touchpointId);
    return row && fromRow(row);
  }

  list(): ChannelBinding[] {
    return this.#selectAll.all().map(fromRow);
  }

  /** Inserts or replaces the binding of `binding.touchpointId`; returns whether it was new. */
  put(binding: ChannelBinding, now: number): boolean {
    const created = this.#select.get(binding.touchpointId) === undefined;
    this.#upsert.run({
      touchpoint_id: binding.touchpointId,
      kind: binding.kind,
      url: binding.url ?? null,
      secret: binding.secret ?? null,
      timeout_ms: binding.timeoutMs ?? null,
      updated_at: now,
    });
    return created;
  }

  /** Removes the binding; returns whether there was one. */
  delete(touchpointId: string): boolean {
    return this.#delete.run(touchpointId).changes > 0;
  }
}

function fromRow(row: BindingRow): ChannelBinding {
  return {
    touchpointId: row.touchpoint_id,
    kind: row.kind,
    ...(row.url !== null && { url: row.url }),
    ...(row.secret !== null && { secret: row.secret }),
    ...(row.timeout_ms !== null && { timeoutMs: row.timeout_ms }),
  };
}
