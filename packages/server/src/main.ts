import { mkdirSync } from 'node:fs';
import type { CatalogSnapshot } from '@omnitouch/core';
import { createSqliteStores, openSqliteDatabase } from '@omnitouch/store-sqlite';
import { ensureAdminKey } from './bootstrap-admin-key';
import { buildApp } from './build-app';
import { createCatalogService } from './catalog/catalog-service';
import { loadConfig, redactConfig } from './config';
import { createLoggerOptions } from './logging';
import { createMetrics } from './metrics';

/** How long a graceful shutdown may take before the process exits anyway (ms). */
const shutdownTimeoutMs = 10_000;

/**
 * The composition root: the only place that reads `process.env`, picks adapters (embedded SQLite)
 * and wires them into the app. Exits 1 listing every configuration issue.
 */
async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error('Omnitouch cannot start; fix the environment:');
    for (const issue of loaded.issues) {
      console.error(`  ${issue.field}: ${issue.reason}`);
    }
    process.exit(1);
  }
  const config = loaded.value;
  mkdirSync(config.dataDir, { recursive: true });
  const db = openSqliteDatabase(config.databaseFile);
  const stores = createSqliteStores<CatalogSnapshot>(db, { maxDelayMs: config.groupCommitMs });
  const clock = { now: () => Date.now() };
  const metrics = createMetrics();
  const catalog = createCatalogService({
    store: stores.catalogs,
    clock,
    // TODO(#4): the decide/ingest routes wire the engine here: compileDecisionCatalog + loadCatalog.
    onCatalogChanged: () => undefined,
  });
  const app = await buildApp({
    config,
    logger: createLoggerOptions(config.logLevel),
    clock,
    apiKeys: stores.apiKeys,
    catalog,
    metrics,
    readinessChecks: { database: () => db.prepare('SELECT 1 AS ok').get() !== undefined },
  });
  app.log.info({ config: redactConfig(config) }, 'configuration loaded');
  const adminKey = ensureAdminKey(stores.apiKeys, {
    now: clock.now(),
    ...(config.bootstrapAdminKey !== undefined && { bootstrapAdminKey: config.bootstrapAdminKey }),
  });
  const address = await app.listen({ port: config.port, host: config.host });
  if (adminKey !== undefined) {
    // Printed, not logged: it is shown this once and must not end up in log storage.
    console.log(`\nCreated an admin API key (shown once, keep it safe):\n  ${adminKey}\n`);
  }
  console.log(`Omnitouch listening on ${address} — API docs at ${address}/docs`);

  let isShuttingDown = false;
  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (isShuttingDown) {
      process.exit(1); // a second signal: stop waiting
    }
    isShuttingDown = true;
    app.log.info({ signal }, 'shutting down: draining in-flight requests');
    setTimeout(() => process.exit(1), shutdownTimeoutMs).unref();
    // close() stops accepting, answers new requests 503 and waits for in-flight ones to finish.
    await app.close();
    stores.eventCommitter.flush();
    db.close();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, (received) => void shutdown(received));
  }
}

await main();
