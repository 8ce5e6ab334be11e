import {
  buildTagIndex,
  defaultContactPolicy,
  validateCatalogSnapshot,
  type CatalogSnapshot,
  type ContactPolicy,
  type FieldIssue,
  type TagIndex,
} from '@omnitouch/core';
import type { CatalogCollection, CatalogItem } from '@omnitouch/contracts';
import type { Clock } from '@omnitouch/engine';
import type { SqliteCatalogStore } from '@omnitouch/store-sqlite';
import { sectionOf, toResourceIssue } from './catalog-sections';

/** What the service needs of a catalog store (`SqliteCatalogStore`'s surface). */
export type CatalogStore = Pick<SqliteCatalogStore<CatalogSnapshot>, 'save' | 'loadLatest'>;

export interface CatalogServiceDependencies {
  readonly store: CatalogStore;
  readonly clock: Clock;
  /** Called after every accepted change, with the saved snapshot (the engine recompiles). */
  readonly onCatalogChanged?: (snapshot: CatalogSnapshot) => void;
}

/** Who made a change: recorded with the saved version. */
export interface CatalogChangeAuthor {
  readonly savedBy?: string;
}

/** A write's outcome: the saved version, or why nothing was changed (an `ErrorCode` plus issues). */
export type CatalogWriteResult<T> =
  | { readonly ok: true; readonly value: T; readonly version: number }
  | {
      readonly ok: false;
      readonly error: 'catalog-invalid' | 'catalog-version-conflict' | 'not-found';
      readonly issues: readonly FieldIssue[];
    };

/**
 * The ONE way the catalog changes: each write builds the candidate snapshot, validates all of it
 * with core's `validateCatalogSnapshot` (issues as resource paths such as `/cases/winback/trigger`),
 * and only when valid saves it as a new version and calls `onCatalogChanged`. Nothing changes on error.
 */
export interface CatalogService {
  snapshot(): CatalogSnapshot;
  version(): number;
  list<C extends CatalogCollection>(collection: C): readonly CatalogItem<C>[];
  get<C extends CatalogCollection>(collection: C, id: string): CatalogItem<C> | undefined;
  /** Inserts or replaces the item with `item.id`; `created` says which. */
  upsert<C extends CatalogCollection>(
    collection: C,
    item: CatalogItem<C>,
    author?: CatalogChangeAuthor,
  ): CatalogWriteResult<{ item: CatalogItem<C>; created: boolean }>;
  remove<C extends CatalogCollection>(
    collection: C,
    id: string,
    author?: CatalogChangeAuthor,
  ): CatalogWriteResult<null>;
  replaceContactPolicy(
    policy: ContactPolicy,
    author?: CatalogChangeAuthor,
  ): CatalogWriteResult<ContactPolicy>;
  /** Replaces the whole snapshot (imports, the demo operator). */
  replaceSnapshot(
    snapshot: unknown,
    author?: CatalogChangeAuthor,
  ): CatalogWriteResult<CatalogSnapshot>;
}

/** The catalog before anything was saved: empty lists and the default contact policy. */
export const emptyCatalogSnapshot: CatalogSnapshot = {
  tagCatalog: { categories: [], tags: [], attributes: [] },
  eventTypes: [],
  touchpoints: [],
  cases: [],
  contactPolicy: defaultContactPolicy,
};

interface CurrentCatalog {
  readonly snapshot: CatalogSnapshot;
  readonly version: number;
  readonly tagIndex: TagIndex;
}

/** Loads the latest saved catalog (throws if the stored one no longer validates: a broken invariant). */
export function createCatalogService(deps: CatalogServiceDependencies): CatalogService {
  let current = loadCurrent(deps.store);

  function commit<T>(
    candidate: unknown,
    value: (s: CatalogSnapshot) => T,
    author?: CatalogChangeAuthor,
  ): CatalogWriteResult<T> {
    const validated = validateCatalogSnapshot(candidate, current.tagIndex);
    if (!validated.ok) {
      const snapshot = candidate as CatalogSnapshot;
      const resourceIssues = validated.issues.map((issue) => toResourceIssue(issue, snapshot));
      return { ok: false, error: 'catalog-invalid', issues: resourceIssues };
    }
    const saved = deps.store.save(validated.value, {
      savedAt: deps.clock.now(),
      expectedVersion: current.version,
      ...(author?.savedBy !== undefined && { savedBy: author.savedBy }),
    });
    if (!saved.ok) {
      const reason = `the catalog is at version ${saved.latestVersion}, this change started from ${current.version}`;
      return { ok: false, error: 'catalog-version-conflict', issues: [{ field: '/', reason }] };
    }
    current = {
      snapshot: validated.value,
      version: saved.version.version,
      tagIndex: buildTagIndex(validated.value.tagCatalog, current.tagIndex),
    };
    deps.onCatalogChanged?.(current.snapshot);
    return { ok: true, value: value(current.snapshot), version: current.version };
  }

  return {
    snapshot: () => current.snapshot,
    version: () => current.version,
    list: (collection) => sectionOf(collection).read(current.snapshot),
    get: (collection, id) =>
      sectionOf(collection)
        .read(current.snapshot)
        .find((item) => item.id === id),
    upsert(collection, item, author) {
      const section = sectionOf(collection);
      const items = [...section.read(current.snapshot)];
      const index = items.findIndex((existing) => existing.id === item.id);
      const created = index === -1;
      items.splice(created ? items.length : index, created ? 0 : 1, item);
      return commit(section.write(current.snapshot, items), () => ({ item, created }), author);
    },
    remove(collection, id, author) {
      const section = sectionOf(collection);
      const items = section.read(current.snapshot);
      if (!items.some((item) => item.id === id)) {
        return { ok: false, error: 'not-found', issues: [] };
      }
      const remaining = items.filter((item) => item.id !== id);
      return commit(section.write(current.snapshot, remaining), () => null, author);
    },
    replaceContactPolicy: (contactPolicy, author) =>
      commit({ ...current.snapshot, contactPolicy }, (s) => s.contactPolicy, author),
    replaceSnapshot: (snapshot, author) => commit(snapshot, (s) => s, author),
  };
}

function loadCurrent(store: CatalogStore): CurrentCatalog {
  const stored = store.loadLatest();
  if (stored === undefined) {
    return {
      snapshot: emptyCatalogSnapshot,
      version: 0,
      tagIndex: buildTagIndex(emptyCatalogSnapshot.tagCatalog),
    };
  }
  const validated = validateCatalogSnapshot(stored.snapshot);
  if (!validated.ok) {
    const issues = validated.issues.map((issue) => `${issue.field}: ${issue.reason}`).join('; ');
    throw new Error(
      `catalog version ${stored.version} in the store no longer validates: ${issues}`,
    );
  }
  return {
    snapshot: validated.value,
    version: stored.version,
    tagIndex: buildTagIndex(validated.value.tagCatalog),
  };
}
