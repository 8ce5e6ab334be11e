import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../test/temp-database';
import { SqliteCatalogStore } from './sqlite-catalog-store';

const t0 = Date.UTC(2026, 10, 25, 9);

interface Snapshot {
  cases: { id: string; priority: number }[];
}

describe(SqliteCatalogStore.name, () => {
  let temp: TempDatabase;
  let store: SqliteCatalogStore<Snapshot>;
  beforeEach(() => {
    temp = openTempDatabase();
    store = new SqliteCatalogStore<Snapshot>(temp.db);
  });
  afterEach(() => temp.remove());

  it('has no catalog before the first save', () => {
    expect(store.loadLatest()).toBeUndefined();
    expect(store.listHistory()).toEqual([]);
  });

  it('numbers versions from 1 and loads the latest, or any older one, after a reopen', () => {
    store.save({ cases: [{ id: 'a', priority: 1 }] }, { savedAt: t0, savedBy: 'alice' });
    store.save({ cases: [{ id: 'a', priority: 2 }] }, { savedAt: t0 + 1, note: 'raise a' });
    store = new SqliteCatalogStore<Snapshot>(temp.reopen());
    expect(store.loadLatest()).toEqual({
      version: 2,
      savedAt: t0 + 1,
      note: 'raise a',
      changes: [{ section: 'cases', added: [], removed: [], changed: ['a'], modified: false }],
      snapshot: { cases: [{ id: 'a', priority: 2 }] },
    });
    expect(store.load(1)).toMatchObject({
      savedBy: 'alice',
      snapshot: { cases: [{ id: 'a', priority: 1 }] },
    });
    expect(store.load(3)).toBeUndefined();
  });

  it('lists the history newest first with what each version changed', () => {
    store.save({ cases: [{ id: 'a', priority: 1 }] }, { savedAt: t0 });
    store.save({ cases: [{ id: 'b', priority: 1 }] }, { savedAt: t0 + 1 });
    expect(store.listHistory().map((v) => [v.version, v.changes])).toEqual([
      [2, [{ section: 'cases', added: ['b'], removed: ['a'], changed: [], modified: false }]],
      [1, [{ section: 'cases', added: ['a'], removed: [], changed: [], modified: false }]],
    ]);
    expect(store.listHistory(1).map((v) => v.version)).toEqual([2]);
  });

  it('refuses a save based on a version that is no longer the latest', () => {
    expect(store.save({ cases: [] }, { savedAt: t0, expectedVersion: 0 })).toMatchObject({
      ok: true,
    });
    expect(store.save({ cases: [] }, { savedAt: t0, expectedVersion: 1 })).toMatchObject({
      ok: true,
    });
    expect(store.save({ cases: [] }, { savedAt: t0, expectedVersion: 1 })).toEqual({
      ok: false,
      reason: 'version-conflict',
      latestVersion: 2,
    });
    expect(store.loadLatest()?.version).toBe(2);
  });
});
