import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../test/temp-database';
import { applyMigrations, readMigrations } from './migrations';
import { openSqliteDatabase } from './sqlite-database';

const now = Date.UTC(2026, 10, 25);
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'omnitouch-migrations-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, sql] of Object.entries(files)) {
    writeFileSync(join(dir, name), sql);
  }
  return dir;
}

function memoryDatabase(): Database.Database {
  const db = new Database(':memory:');
  cleanups.push(() => db.close());
  return db;
}

function tableNames(db: Database.Database): string[] {
  return db
    .prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all();
}

describe(readMigrations.name, () => {
  it('orders migrations by version, not by listing order, and ignores other files', () => {
    const dir = migrationsDir({
      '0010_add_c.sql': 'SELECT 1;',
      '0002_add_b.sql': 'SELECT 1;',
      '0001_create_a.sql': 'SELECT 1;',
      'README.md': '',
      '3_bad_name.sql': 'SELECT 1;',
    });
    expect(readMigrations(dir).map((m) => [m.version, m.name])).toEqual([
      [1, '0001_create_a'],
      [2, '0002_add_b'],
      [10, '0010_add_c'],
    ]);
  });

  it('refuses two migrations with one version', () => {
    const dir = migrationsDir({ '0001_a.sql': '', '0001_b.sql': '' });
    expect(() => readMigrations(dir)).toThrow(/share version 1/);
  });

  it('ships the bundled migrations in a gapless sequence from the event log', () => {
    const migrations = readMigrations();
    expect(migrations[0]?.name).toBe('0001_create_event_log');
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, index) => index + 1));
  });
});

describe(applyMigrations.name, () => {
  it('applies later migrations on top of earlier ones, in version order', () => {
    const dir = migrationsDir({
      '0002_add_note.sql': 'ALTER TABLE a ADD COLUMN note TEXT;',
      '0001_create_a.sql': 'CREATE TABLE a (id INTEGER PRIMARY KEY);',
    });
    const db = memoryDatabase();
    expect(applyMigrations(db, readMigrations(dir), now)).toEqual([1, 2]);
    db.prepare("INSERT INTO a (id, note) VALUES (1, 'x')").run();
    expect(
      db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all(),
    ).toEqual([
      { version: 1, name: '0001_create_a', applied_at: now },
      { version: 2, name: '0002_add_note', applied_at: now },
    ]);
  });

  it('applies only the new migrations when run again', () => {
    const first = { '0001_create_a.sql': 'CREATE TABLE a (id INTEGER PRIMARY KEY);' };
    const db = memoryDatabase();
    applyMigrations(db, readMigrations(migrationsDir(first)), now);
    expect(applyMigrations(db, readMigrations(migrationsDir(first)), now)).toEqual([]);
    const second = { ...first, '0002_create_b.sql': 'CREATE TABLE b (id INTEGER PRIMARY KEY);' };
    expect(applyMigrations(db, readMigrations(migrationsDir(second)), now)).toEqual([2]);
    expect(tableNames(db)).toEqual(['a', 'b', 'schema_migrations']);
  });

  it('rolls back a failing migration whole and keeps the ones before it', () => {
    const dir = migrationsDir({
      '0001_create_a.sql': 'CREATE TABLE a (id INTEGER PRIMARY KEY);',
      '0002_broken.sql': 'CREATE TABLE b (id INTEGER PRIMARY KEY); INSERT INTO missing VALUES (1);',
    });
    const db = memoryDatabase();
    expect(() => applyMigrations(db, readMigrations(dir), now)).toThrow(/missing/);
    expect(tableNames(db)).toEqual(['a', 'schema_migrations']);
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual([1]);
  });

  it('refuses a database that recorded a migration this build does not have', () => {
    const db = memoryDatabase();
    applyMigrations(db, readMigrations(migrationsDir({ '0001_create_a.sql': 'SELECT 1;' })), now);
    const renamed = readMigrations(migrationsDir({ '0001_create_x.sql': 'SELECT 1;' }));
    expect(() => applyMigrations(db, renamed, now)).toThrow(/0001_create_a/);
    expect(() => applyMigrations(db, [], now)).toThrow(/does not know/);
  });
});

describe(openSqliteDatabase.name, () => {
  let temp: TempDatabase | undefined;
  afterEach(() => temp?.remove());

  it('creates every table of the bundled migrations on a fresh file, and reopens as a no-op', () => {
    temp = openTempDatabase();
    const tables = tableNames(temp.db);
    expect(tables).toEqual(
      expect.arrayContaining(['event_log', 'profiles', 'offers', 'outcomes', 'schema_migrations']),
    );
    const applied = temp.db.prepare('SELECT count(*) FROM schema_migrations').pluck().get();
    expect(applied).toBe(readMigrations().length);
    const reopened = temp.reopen();
    expect(tableNames(reopened)).toEqual(tables);
    expect(reopened.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(applied);
  });

  it.each([
    [undefined, 1],
    ['normal' as const, 1],
    ['full' as const, 2],
  ])('uses WAL, foreign keys and synchronous %s (level %i)', (synchronous, level) => {
    temp = openTempDatabase({ synchronous, busyTimeoutMs: 1234 });
    expect(temp.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(temp.db.pragma('synchronous', { simple: true })).toBe(level);
    expect(temp.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(temp.db.pragma('busy_timeout', { simple: true })).toBe(1234);
  });
});
