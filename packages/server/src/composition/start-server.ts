import { mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { LoggerOptions } from 'pino';
import type { CatalogSnapshot } from '@omnitouch/core';
import type { Clock } from '@omnitouch/engine';
import {
  createSqliteStores,
  openSqliteDatabase,
  type SqliteDatabase,
  defaultWalRestartBytes,
  startBackgroundCheckpointer,
} from '@omnitouch/store-sqlite';
import { ensureAdminKey } from '../bootstrap-admin-key';
import { buildApp } from '../build-app';
import { createCatalogService, type CatalogService } from '../catalog/catalog-service';
import type { Config } from '../config';
import { createMetrics } from '../metrics';
import { createDecisionRuntime } from '../runtime/create-decision-runtime';
import type { DecisionRuntime } from '../runtime/decision-runtime';
import { createFrontLineParts } from './front-line';

/** A running server: the real composition, listening (or not, for `inject` tests). */
export interface RunningServer {
  readonly app: FastifyInstance;
  /** `http://host:port` once listening; empty when started with `listen: false`. */
  readonly url: string;
  readonly runtime: DecisionRuntime;
  readonly catalog: CatalogService;
  readonly db: SqliteDatabase;
  /** The admin key created at this start (first start of an empty database), shown once. */
  readonly createdAdminKey?: string;
  /** How many acknowledged-but-undecided events `recover()` decided at start. */
  readonly recovered: number;
  /** Stops accepting, drains in-flight requests and background work, closes the database. */
  close(): Promise<void>;
}

export interface StartServerOptions {
  readonly logger?: LoggerOptions | false;
  readonly clock?: Clock;
  /** false: build everything but do not listen (tests use `app.inject`). Default true. */
  readonly listen?: boolean;
  /** Runs once the server is up (the demo loads its operator and starts its generator here). */
  readonly onStarted?: (server: RunningServer) => Promise<void> | void;
}

/** A WAL rewind that held the writer longer than this is logged. */
const slowRewindMs = 20;

/**
 * Connection settings for the ingest path that keep the documented guarantee (WAL, synchronous =
 * NORMAL: a commit survives a process crash). Memory-mapped reads keep the working set's pages in
 * memory without copying them into SQLite's page cache. Checkpoints run on a worker thread
 * (`startBackgroundCheckpointer`), never inside a request's commit: an automatic checkpoint stalled
 * decide requests by 50–90 ms (bench server-decide).
 *
 * The page cache stays small (8 MiB) on purpose. When a B-tree split swaps sibling page numbers,
 * SQLite parks a page under the lock-byte page's number (262145), and the next COMMIT then scans
 * the WHOLE page cache to drop pages beyond the end of the file (`pcache1TruncateUnsafe`). With a
 * 128 MiB cache that scan was 21 % of the server's CPU under decide load (perf) and the decide p99
 * inside the server 2.6 ms; with 8 MiB it is 0.68 ms, and batched ingest is unchanged.
 */
function tuneForIngest(db: SqliteDatabase): void {
  db.pragma('cache_size = -8192'); // KiB
  db.pragma('temp_store = MEMORY');
  db.pragma('mmap_size = 1073741824');
  db.pragma('wal_autocheckpoint = 0');
  db.pragma(`journal_size_limit = ${2 * defaultWalRestartBytes}`);
}

/**
 * The composition root as a function, so the CLI, the demo and tests start the real server
 * in-process: SQLite → stores → catalog service → delivery → runtime → `recover()` → app → listen →
 * background loops. Catalog changes reach the runtime through `onCatalogChanged`.
 */
export async function startServer(
  config: Config,
  options: StartServerOptions = {},
): Promise<RunningServer> {
  mkdirSync(config.dataDir, { recursive: true });
  const db = openSqliteDatabase(config.databaseFile);
  tuneForIngest(db);
  const stores = createSqliteStores<CatalogSnapshot>(db, { maxDelayMs: config.groupCommitMs });
  const clock = options.clock ?? { now: () => Date.now() };
  const metrics = createMetrics();
  // Built after the parts that call them: the runtime after the catalog service, the app (and its
  // logger) last — until then problems go to stderr.
  const late: {
    runtime?: DecisionRuntime;
    log?: Pick<FastifyInstance['log'], 'info' | 'error'>;
  } = {};
  const logger = {
    info: (message: string) => late.log?.info(message),
    error: (details: Record<string, unknown>, message: string) =>
      late.log === undefined ? console.error(message, details) : late.log.error(details, message),
  };
  const checkpointer = startBackgroundCheckpointer(db, {
    onRewind: (writerMs) => {
      if (writerMs > slowRewindMs) {
        logger.info(`WAL rewound; the writer waited ${writerMs.toFixed(1)} ms`);
      }
    },
  });
  const catalog = createCatalogService({
    store: stores.catalogs,
    clock,
    onCatalogChanged: (snapshot) => late.runtime?.applyCatalog(snapshot),
  });
  const parts = createFrontLineParts({ db, stores, catalog, clock, metrics, logger });
  const built = createDecisionRuntime({
    db,
    stores,
    clock,
    catalog: catalog.snapshot(),
    delivery: parts.delivery,
    journal: parts.journal,
    metrics,
    groupCommit: { maxDelayMs: config.groupCommitMs },
    onError: (error, context) => logger.error({ err: error }, context),
  });
  late.runtime = built;
  const recovered = built.recover();
  const app = await buildApp({
    config,
    logger: options.logger ?? false,
    clock,
    apiKeys: stores.apiKeys,
    catalog,
    metrics,
    runtime: built,
    frontLine: {
      delivery: parts.delivery,
      channelBindings: parts.channelBindings,
      customers: parts.customerView(built),
      staffSessions: parts.staffSessions,
      offers: stores.offers,
    },
    readinessChecks: { database: () => db.prepare('SELECT 1 AS ok').get() !== undefined },
  });
  late.log = app.log;
  const createdAdminKey = ensureAdminKey(stores.apiKeys, {
    now: clock.now(),
    ...(config.bootstrapAdminKey !== undefined && { bootstrapAdminKey: config.bootstrapAdminKey }),
  });
  const url =
    options.listen === false ? '' : await app.listen({ port: config.port, host: config.host });
  built.start();
  let closing: Promise<void> | undefined;
  const server: RunningServer = {
    app,
    url,
    runtime: built,
    catalog,
    db,
    recovered,
    ...(createdAdminKey !== undefined && { createdAdminKey }),
    close: () =>
      (closing ??= (async () => {
        // app.close() stops accepting and waits for in-flight requests (their events are decided).
        await app.close();
        await built.stop();
        stores.eventCommitter.flush();
        await checkpointer.stop();
        db.close();
      })()),
  };
  await options.onStarted?.(server);
  return server;
}
