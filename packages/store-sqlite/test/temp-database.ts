import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase, type SqliteDatabase, type SqliteDatabaseOptions } from '../src/index';

/** A database file in a fresh temp directory; `remove` closes it and deletes the directory. */
export interface TempDatabase {
  readonly path: string;
  db: SqliteDatabase;
  reopen(): SqliteDatabase;
  remove(): void;
}

export function openTempDatabase(options?: SqliteDatabaseOptions): TempDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'omnitouch-sqlite-'));
  const path = join(dir, 'omnitouch.db');
  const temp: TempDatabase = {
    path,
    db: openSqliteDatabase(path, options),
    reopen() {
      temp.db.close();
      temp.db = openSqliteDatabase(path, options);
      return temp.db;
    },
    remove() {
      if (temp.db.open) {
        temp.db.close();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return temp;
}

/**
 * `create` and `reopen`/`dispose` hooks for a testkit contract suite: each store lives on its own
 * temp file, and reopening closes the connection and builds the store again over the same file.
 */
export function sqliteContractHooks<Store extends object>(build: (db: SqliteDatabase) => Store) {
  const files = new WeakMap<Store, TempDatabase>();
  const track = (temp: TempDatabase): Store => {
    const store = build(temp.db);
    files.set(store, temp);
    return store;
  };
  const fileOf = (store: Store): TempDatabase => {
    const temp = files.get(store);
    if (!temp) {
      throw new Error('store was not created by these hooks');
    }
    return temp;
  };
  return {
    create: () => track(openTempDatabase()),
    options: {
      reopen: (store: Store) => {
        const temp = fileOf(store);
        temp.reopen();
        return track(temp);
      },
      dispose: (store: Store) => fileOf(store).remove(),
    },
  };
}
