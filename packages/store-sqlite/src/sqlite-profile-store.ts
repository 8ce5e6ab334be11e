import type { CustomerProfile } from '@omnitouch/core';
import type { ProfileStore } from '@omnitouch/engine';
import type { SqliteDatabase } from './sqlite-database';
import { decodeProfile, encodeProfile, type EncodedProfile } from './profile-encoding';

/**
 * `ProfileStore` over the `profiles` table. Every `put` is its own committed write, so a profile
 * change is durable when `put` returns. No object cache: `get` decodes a fresh object each time,
 * so a caller that mutates a profile and then fails before `put` cannot leave a stored profile
 * that differs from the database.
 */
export class SqliteProfileStore implements ProfileStore {
  readonly #select;
  readonly #upsert;
  readonly #count;

  constructor(db: SqliteDatabase) {
    this.#select = db.prepare<[string], EncodedProfile>(
      'SELECT tags, body FROM profiles WHERE customer_id = ?',
    );
    this.#upsert = db.prepare<[string, Buffer, Buffer]>(
      `INSERT INTO profiles (customer_id, tags, body) VALUES (?, ?, ?)
       ON CONFLICT (customer_id) DO UPDATE SET tags = excluded.tags, body = excluded.body`,
    );
    this.#count = db.prepare<[], number>('SELECT count(*) FROM profiles').pluck();
  }

  get(customerId: string): CustomerProfile | undefined {
    const row = this.#select.get(customerId);
    return row && decodeProfile(customerId, row);
  }

  put(profile: CustomerProfile): void {
    const encoded = encodeProfile(profile);
    this.#upsert.run(profile.customerId, encoded.tags, encoded.body);
  }

  count(): number {
    return this.#count.get() ?? 0;
  }
}
