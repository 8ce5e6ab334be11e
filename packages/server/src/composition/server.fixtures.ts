import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { CatalogSnapshot } from '@omnitouch/core';
import { apiKeyRoles, type ApiKeyRole } from '@omnitouch/contracts';
import { SqliteApiKeyStore } from '@omnitouch/store-sqlite';
import { loadConfig, type Config } from '../config';
import { startServer, type RunningServer } from './start-server';

/** The real server (not listening) on a temp directory, a key per role and a catalog loaded. */
export interface ServerTestApp {
  readonly server: RunningServer;
  readonly keys: Readonly<Record<ApiKeyRole, string>>;
  /** Injects with `Authorization: Bearer <key of role>` (no header when `as` is undefined). */
  request(options: InjectOptions & { as?: ApiKeyRole }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createServerTestApp(options: {
  catalog?: CatalogSnapshot;
  now?: () => number;
  config?: Partial<Config>;
  listen?: boolean;
}): Promise<ServerTestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'omnitouch-server-'));
  const loaded = loadConfig({ DATA_DIR: dir, PORT: '0' });
  if (!loaded.ok) {
    throw new Error('the default configuration must load');
  }
  const server = await startServer(
    { ...loaded.value, rateLimitPerMinute: 0, ...options.config },
    { listen: options.listen ?? false, ...(options.now && { clock: { now: options.now } }) },
  );
  const apiKeys = new SqliteApiKeyStore(server.db);
  const keys = Object.fromEntries(
    apiKeyRoles.map((role) => [role, apiKeys.create({ role, label: role, now: 0 }).secret]),
  ) as Record<ApiKeyRole, string>;
  if (options.catalog !== undefined) {
    const saved = server.catalog.replaceSnapshot(options.catalog);
    if (!saved.ok) {
      throw new Error(`test catalog invalid: ${JSON.stringify(saved.issues)}`);
    }
  }
  return {
    server,
    keys,
    request: ({ as, headers, ...rest }) =>
      server.app.inject({
        ...rest,
        headers: { ...headers, ...(as && { authorization: `Bearer ${keys[as]}` }) },
      }),
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
