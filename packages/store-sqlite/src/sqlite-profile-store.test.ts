import Database from 'better-sqlite3';
import { buildCustomerProfile } from '@omnitouch/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from './migrations';
import { SqliteProfileStore } from './sqlite-profile-store';

const profileBodyAsBytes = 12; // the migration that made `body` binary
let db: Database.Database;
afterEach(() => db.close());

describe(SqliteProfileStore.name, () => {
  it('reads a profile stored as JSON before the binary body, and writes it back as bytes', () => {
    db = new Database(':memory:');
    const migrations = readMigrations();
    applyMigrations(
      db,
      migrations.filter((migration) => migration.version < profileBodyAsBytes),
    );
    const profile = buildCustomerProfile({
      customerId: 'c1',
      tags: Uint32Array.of(5),
      attributes: { arpu: 90, city: '上海' },
      eventCounts: { 'top-up': [20_782, 2] },
      consent: { unsubscribed: false, optedOutMethods: ['sms'] },
      utcOffsetMinutes: 480,
    });
    const { customerId: _id, tags: _tags, ...body } = profile;
    db.prepare('INSERT INTO profiles (customer_id, tags, body) VALUES (?, ?, ?)').run(
      'c1',
      Buffer.from(Uint32Array.of(5).buffer),
      JSON.stringify(body),
    );
    expect(applyMigrations(db, migrations)).toEqual([profileBodyAsBytes]);
    const store = new SqliteProfileStore(db);
    expect(store.get('c1')).toEqual(profile);
    store.put(store.get('c1') ?? profile);
    expect(
      db.prepare("SELECT typeof(body) FROM profiles WHERE customer_id = 'c1'").pluck().get(),
    ).toBe('blob');
    expect(store.get('c1')).toEqual(profile);
  });
});
