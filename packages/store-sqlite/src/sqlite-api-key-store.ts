import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SqliteDatabase } from './sqlite-database';

/** An API key as listed to administrators: never the secret, which is shown only at creation. */
export interface ApiKey {
  readonly keyId: string;
  /** The server's role name (e.g. `admin`, `operator`); this store does not interpret it. */
  readonly role: string;
  readonly label: string;
  /** Epoch ms. */
  readonly createdAt: number;
  readonly revokedAt?: number;
}

/** What `create` returns: the key plus its secret, which cannot be recovered later. */
export interface CreatedApiKey extends ApiKey {
  readonly secret: string;
}

interface ApiKeyRow {
  key_id: string;
  role: string;
  label: string;
  created_at: number;
  revoked_at: number | null;
}

/**
 * API keys stored as the SHA-256 of their secret. The secret has 256 random bits, so a fast hash
 * is enough (no password stretching needed) and looking the hash up through an index leaks nothing
 * useful through timing: an attacker cannot steer the hash of a guess.
 */
export class SqliteApiKeyStore {
  readonly #insert;
  readonly #verify;
  readonly #list;
  readonly #revoke;

  constructor(db: SqliteDatabase) {
    this.#insert = db.prepare<[string, string, string, string, number]>(
      'INSERT INTO api_keys (key_id, secret_hash, role, label, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.#verify = db.prepare<[string], { key_id: string; role: string }>(
      'SELECT key_id, role FROM api_keys WHERE secret_hash = ? AND revoked_at IS NULL',
    );
    this.#list = db.prepare<[], ApiKeyRow>(
      'SELECT key_id, role, label, created_at, revoked_at FROM api_keys ORDER BY created_at, key_id',
    );
    this.#revoke = db.prepare<[number, string]>(
      'UPDATE api_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL',
    );
  }

  /** Creates a key; the returned `secret` is the only copy (prefix `otk_` marks it in logs and scanners). */
  create(input: { role: string; label: string; now: number }): CreatedApiKey {
    const keyId = randomUUID();
    const secret = `otk_${randomBytes(32).toString('base64url')}`;
    this.#insert.run(keyId, hashSecret(secret), input.role, input.label, input.now);
    return { keyId, role: input.role, label: input.label, createdAt: input.now, secret };
  }

  /** The key's id and role when `secret` belongs to a key that is not revoked; otherwise undefined. */
  verify(secret: string): { keyId: string; role: string } | undefined {
    const row = this.#verify.get(hashSecret(secret));
    return row && { keyId: row.key_id, role: row.role };
  }

  /** Every key, revoked ones included, oldest first. */
  list(): ApiKey[] {
    return this.#list.all().map((row) => ({
      keyId: row.key_id,
      role: row.role,
      label: row.label,
      createdAt: row.created_at,
      ...(row.revoked_at !== null && { revokedAt: row.revoked_at }),
    }));
  }

  /** Revokes the key at `now`; false when there is no such key or it was already revoked. */
  revoke(keyId: string, now: number): boolean {
    return this.#revoke.run(now, keyId).changes === 1;
  }
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
