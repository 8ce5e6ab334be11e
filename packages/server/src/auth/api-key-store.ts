import type { SqliteApiKeyStore } from '@omnitouch/store-sqlite';

/**
 * What the server needs of an API key store: `SqliteApiKeyStore`'s surface, so a future PostgreSQL
 * store only has to match it. Secrets are stored hashed; `verify` answers for unrevoked keys only.
 */
export type ApiKeyStore = Pick<SqliteApiKeyStore, 'create' | 'verify' | 'list' | 'revoke'>;
