import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { CatalogSnapshot } from '@omnitouch/core';
import { apiKeyRoles, type ApiKeyRole } from '@omnitouch/contracts';
import {
  SqliteApiKeyStore,
  SqliteCatalogStore,
  openSqliteDatabase,
  type SqliteDatabase,
} from '@omnitouch/store-sqlite';
import { buildApp, type AppDependencies } from '../build-app';
import { createCatalogService, type CatalogService } from '../catalog/catalog-service';
import { loadConfig, type Config } from '../config';

/** The fixed time of every HTTP test: 2025-11-24T16:00:00Z. */
export const testNow = 1_764_000_000_000;

/** An app over a real SQLite database in a fresh temp directory, with one key per role. */
export interface TestApp {
  readonly app: FastifyInstance;
  readonly db: SqliteDatabase;
  readonly catalog: CatalogService;
  /** A valid secret per role. */
  readonly keys: Readonly<Record<ApiKeyRole, string>>;
  /** Every snapshot passed to `onCatalogChanged`, in order. */
  readonly catalogChanges: CatalogSnapshot[];
  /** Injects with `Authorization: Bearer <key of role>` (no header when `as` is undefined). */
  request(options: InjectOptions & { as?: ApiKeyRole }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Builds a `TestApp`; `config` overrides the defaults of `loadConfig({})`. */
export async function createTestApp(
  overrides: { config?: Partial<Config>; deps?: Partial<AppDependencies> } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'omnitouch-server-'));
  const db = openSqliteDatabase(join(dir, 'omnitouch.db'));
  const clock = { now: () => testNow };
  const apiKeys = new SqliteApiKeyStore(db);
  const keys = Object.fromEntries(
    apiKeyRoles.map((role) => [role, apiKeys.create({ role, label: role, now: testNow }).secret]),
  ) as Record<ApiKeyRole, string>;
  const catalogChanges: CatalogSnapshot[] = [];
  const catalog = createCatalogService({
    store: new SqliteCatalogStore<CatalogSnapshot>(db),
    clock,
    onCatalogChanged: (snapshot) => catalogChanges.push(snapshot),
  });
  const loaded = loadConfig({});
  if (!loaded.ok) {
    throw new Error('the default configuration must load');
  }
  const app = await buildApp({
    config: { ...loaded.value, dataDir: dir, ...overrides.config },
    clock,
    apiKeys,
    catalog,
    readinessChecks: { database: () => db.prepare('SELECT 1 AS ok').get() !== undefined },
    ...overrides.deps,
  });
  return {
    app,
    db,
    catalog,
    keys,
    catalogChanges,
    request: ({ as, headers, ...options }) =>
      app.inject({
        ...options,
        headers: { ...headers, ...(as && { authorization: `Bearer ${keys[as]}` }) },
      }),
    close: async () => {
      await app.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
