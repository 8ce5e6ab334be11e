import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

/** One schema step, read from `NNNN_<intent>.sql`; `version` is the NNNN number. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The migrations shipped with this package (`packages/store-sqlite/migrations`). */
export const bundledMigrationsDir = fileURLToPath(new URL('../migrations/', import.meta.url));

const migrationFile = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * Reads every `NNNN_<intent>.sql` in `dir`, ordered by version. Throws on two files with one
 * version, because which of them ran would depend on the order the directory lists them.
 */
export function readMigrations(dir: string = bundledMigrationsDir): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir)) {
    const match = migrationFile.exec(file);
    if (!match) {
      continue;
    }
    const version = Number(match[1]);
    const sql = readFileSync(join(dir, file), 'utf8');
    migrations.push({ version, name: file.slice(0, -'.sql'.length), sql });
  }
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (previous && previous.version === migration.version) {
      throw new Error(
        `two migrations share version ${migration.version}: ${previous.name}, ${migration.name}`,
      );
    }
  });
  return migrations;
}

/**
 * Applies, in version order and each in its own transaction, every migration not yet recorded in
 * `schema_migrations`; returns the versions applied (empty on a re-open). Throws when the database
 * records a migration this build does not have or under another name: running on such a schema
 * would corrupt it.
 */
export function applyMigrations(
  db: Database.Database,
  migrations: readonly Migration[],
  now: number = Date.now(),
): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT`);
  const recorded = db
    .prepare<[], { version: number; name: string }>('SELECT version, name FROM schema_migrations')
    .all();
  const known = new Map(migrations.map((m) => [m.version, m.name]));
  for (const row of recorded) {
    if (known.get(row.version) !== row.name) {
      throw new Error(
        `database has migration ${row.name} which this build does not know (as ${known.get(row.version) ?? 'nothing'})`,
      );
    }
  }
  const done = new Set(recorded.map((row) => row.version));
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  const applied: number[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) {
      continue;
    }
    // Immediate: take the write lock before reading, so two processes opening one file cannot
    // both decide the same migration is pending.
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now);
    }).immediate();
    applied.push(migration.version);
  }
  return applied;
}
