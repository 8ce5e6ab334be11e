import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../test/temp-database';
import { SqliteApiKeyStore } from './sqlite-api-key-store';

const t0 = Date.UTC(2026, 10, 25, 9);

describe(SqliteApiKeyStore.name, () => {
  let temp: TempDatabase;
  let store: SqliteApiKeyStore;
  beforeEach(() => {
    temp = openTempDatabase();
    store = new SqliteApiKeyStore(temp.db);
  });
  afterEach(() => temp.remove());

  it('verifies a created secret as its key id and role, after a reopen too', () => {
    const key = store.create({ role: 'operator', label: 'CRM sync', now: t0 });
    expect(key.secret).toMatch(/^otk_[A-Za-z0-9_-]{43}$/);
    store = new SqliteApiKeyStore(temp.reopen());
    expect(store.verify(key.secret)).toEqual({ keyId: key.keyId, role: 'operator' });
  });

  it('rejects an unknown or altered secret', () => {
    const key = store.create({ role: 'admin', label: 'ops', now: t0 });
    expect(store.verify('otk_nope')).toBeUndefined();
    expect(store.verify(`${key.secret}x`)).toBeUndefined();
  });

  it('stores no secret, only its hash', () => {
    const key = store.create({ role: 'admin', label: 'ops', now: t0 });
    const stored = JSON.stringify(temp.db.prepare('SELECT * FROM api_keys').all());
    expect(stored).not.toContain(key.secret);
    expect(stored).not.toContain(key.secret.slice(4));
  });

  it('stops verifying a revoked key and lists it with its revocation time', () => {
    const keep = store.create({ role: 'viewer', label: 'dashboard', now: t0 });
    const gone = store.create({ role: 'admin', label: 'leaked', now: t0 + 1 });
    expect(store.revoke(gone.keyId, t0 + 5)).toBe(true);
    expect(store.revoke(gone.keyId, t0 + 6)).toBe(false);
    expect(store.revoke('no-such-key', t0 + 6)).toBe(false);
    expect(store.verify(gone.secret)).toBeUndefined();
    expect(store.verify(keep.secret)?.keyId).toBe(keep.keyId);
    expect(store.list()).toEqual([
      { keyId: keep.keyId, role: 'viewer', label: 'dashboard', createdAt: t0 },
      { keyId: gone.keyId, role: 'admin', label: 'leaked', createdAt: t0 + 1, revokedAt: t0 + 5 },
    ]);
  });
});
