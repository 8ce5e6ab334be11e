import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SqliteApiKeyStore,
  openSqliteDatabase,
  type SqliteDatabase,
} from '@omnitouch/store-sqlite';
import { ensureAdminKey } from './bootstrap-admin-key';

let dir: string;
let db: SqliteDatabase;
let store: SqliteApiKeyStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'omnitouch-bootstrap-'));
  db = openSqliteDatabase(join(dir, 'omnitouch.db'));
  store = new SqliteApiKeyStore(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(ensureAdminKey.name, () => {
  it('creates one admin key on a fresh install and none at the next start', () => {
    const secret = ensureAdminKey(store, { now: 1 });
    expect(secret && store.verify(secret)?.role).toBe('admin');
    expect(ensureAdminKey(store, { now: 2 })).toBeUndefined();
    expect(store.list()).toHaveLength(1);
  });

  it('creates none when BOOTSTRAP_ADMIN_KEY is set', () => {
    expect(ensureAdminKey(store, { now: 1, bootstrapAdminKey: 'x'.repeat(24) })).toBeUndefined();
    expect(store.list()).toHaveLength(0);
  });

  it('creates a new one when every key was revoked', () => {
    const first = store.create({ role: 'admin', label: 'old', now: 1 });
    store.revoke(first.keyId, 2);
    expect(ensureAdminKey(store, { now: 3 })).toBeDefined();
  });
});
