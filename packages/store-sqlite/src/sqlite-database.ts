import Database from 'better-sqlite3';
import { applyMigrations, readMigrations, type Migration } from './migrations';

/** The better-sqlite3 connection every adapter of this package takes. */
export type SqliteDatabase = Database.Database;

/** How `openSqliteDatabase` configures the connection. */
export interface SqliteDatabaseOptions {
  /**
   * `normal` (default): with WAL a commit survives a crash of the process (kill -9) but may be lost
   * on power loss or an OS crash. `full`: fsync on every commit, also durable on power loss, slower.
   * See this package's README.
   */
  readonly synchronous?: 'normal' | 'full';
  /** How long a write waits for another connection's lock before failing with SQLITE_BUSY; ms. */
  readonly busyTimeoutMs?: number;
  /** Migrations to apply at open; defaults to the ones shipped in `migrations/`. */
  readonly migrations?: readonly Migration[];
}

/**
 * Opens (creating if needed) the database at `path` in WAL mode with foreign keys on, and brings
 * its schema up to date. Idempotent: re-opening an up-to-date file applies nothing.
 */
export function openSqliteDatabase(
  path: string,
  options: SqliteDatabaseOptions = {},
): SqliteDatabase {
  const db = new Database(path, { timeout: options.busyTimeoutMs ?? 5000 });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    applyMigrations(db, options.migrations ?? readMigrations());
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
