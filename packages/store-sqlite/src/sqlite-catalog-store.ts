import type { SqliteDatabase } from './sqlite-database';
import { describeCatalogChanges, type CatalogChange } from './catalog-changes';

/** One saved catalog version without its snapshot: what the approvers' history lists. */
export interface CatalogVersion {
  /** 1, 2, 3 ... in save order. */
  readonly version: number;
  /** Epoch ms. */
  readonly savedAt: number;
  readonly savedBy?: string;
  readonly note?: string;
  /** What this version changed against the previous one. */
  readonly changes: CatalogChange[];
}

/** A saved version with its snapshot, as the server validated and saved it. */
export interface StoredCatalog<TSnapshot> extends CatalogVersion {
  readonly snapshot: TSnapshot;
}

/** The result of `save`: the new version, or a conflict with a save made since `expectedVersion`. */
export type SaveCatalogResult =
  | { readonly ok: true; readonly version: CatalogVersion }
  | { readonly ok: false; readonly reason: 'version-conflict'; readonly latestVersion: number };

interface CatalogRow {
  version: number;
  saved_at: number;
  saved_by: string | null;
  note: string | null;
  snapshot: string;
  changes: string;
}

/**
 * Catalog snapshots as JSON, one row per saved version (the history is kept, never rewritten).
 * The snapshot type is the caller's: the server validates with core's `CatalogSnapshot` before
 * saving, so this store neither knows nor checks its shape.
 */
export class SqliteCatalogStore<TSnapshot = unknown> {
  readonly #latest;
  readonly #byVersion;
  readonly #history;
  readonly #insert;
  readonly #save;

  constructor(db: SqliteDatabase) {
    this.#latest = db.prepare<[], CatalogRow>(
      'SELECT * FROM catalog_versions ORDER BY version DESC LIMIT 1',
    );
    this.#byVersion = db.prepare<[number], CatalogRow>(
      'SELECT * FROM catalog_versions WHERE version = ?',
    );
    this.#history = db.prepare<[number], Omit<CatalogRow, 'snapshot'>>(
      `SELECT version, saved_at, saved_by, note, changes FROM catalog_versions
       ORDER BY version DESC LIMIT ?`,
    );
    this.#insert = db.prepare<[CatalogRow]>(
      `INSERT INTO catalog_versions (version, saved_at, saved_by, note, snapshot, changes)
       VALUES (@version, @saved_at, @saved_by, @note, @snapshot, @changes)`,
    );
    const save = db.transaction(this.#saveInTransaction.bind(this));
    // Immediate: read the latest version under the write lock, so two saves cannot both be "next".
    this.#save = save.immediate.bind(save);
  }

  /**
   * Saves `snapshot` as the next version. With `expectedVersion` (the version the editor started
   * from; 0 for none), refuses when another save happened since, so no approver's edit is lost.
   */
  save(
    snapshot: TSnapshot,
    meta: { savedAt: number; savedBy?: string; note?: string; expectedVersion?: number },
  ): SaveCatalogResult {
    return this.#save(snapshot, meta);
  }

  /** The newest version, or undefined before the first save. */
  loadLatest(): StoredCatalog<TSnapshot> | undefined {
    const row = this.#latest.get();
    return row && this.#fromRow(row);
  }

  load(version: number): StoredCatalog<TSnapshot> | undefined {
    const row = this.#byVersion.get(version);
    return row && this.#fromRow(row);
  }

  /** Versions newest first, without snapshots. */
  listHistory(limit = 50): CatalogVersion[] {
    return this.#history.all(limit).map(toVersion);
  }

  #saveInTransaction(
    snapshot: TSnapshot,
    meta: { savedAt: number; savedBy?: string; note?: string; expectedVersion?: number },
  ): SaveCatalogResult {
    const latest = this.#latest.get();
    const latestVersion = latest?.version ?? 0;
    if (meta.expectedVersion !== undefined && meta.expectedVersion !== latestVersion) {
      return { ok: false, reason: 'version-conflict', latestVersion };
    }
    const previous: unknown = latest ? JSON.parse(latest.snapshot) : undefined;
    const row: CatalogRow = {
      version: latestVersion + 1,
      saved_at: meta.savedAt,
      saved_by: meta.savedBy ?? null,
      note: meta.note ?? null,
      snapshot: JSON.stringify(snapshot),
      changes: JSON.stringify(describeCatalogChanges(previous, snapshot)),
    };
    this.#insert.run(row);
    return { ok: true, version: toVersion(row) };
  }

  #fromRow(row: CatalogRow): StoredCatalog<TSnapshot> {
    return { ...toVersion(row), snapshot: JSON.parse(row.snapshot) as TSnapshot };
  }
}

function toVersion(row: Omit<CatalogRow, 'snapshot'>): CatalogVersion {
  return {
    version: row.version,
    savedAt: row.saved_at,
    ...(row.saved_by !== null && { savedBy: row.saved_by }),
    ...(row.note !== null && { note: row.note }),
    changes: JSON.parse(row.changes) as CatalogChange[],
  };
}
