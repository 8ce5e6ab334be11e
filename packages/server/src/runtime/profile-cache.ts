import type { CustomerProfile } from '@omnitouch/core';
import type { ProfileStore } from '@omnitouch/engine';

/**
 * A write-back cache in front of the SQLite `ProfileStore`: `put` only marks the profile dirty and
 * `flush` writes the dirty ones — the runtime calls it inside the transaction that decided, so the
 * database never lags a commit. Decoding a profile per event was the ingest bottleneck (see the
 * runtime's report); every profile write goes through the runtime, so the cache stays coherent.
 * After a failed transaction `discard` drops everything (cached objects may hold rolled-back edits).
 */
export interface ProfileCache extends ProfileStore {
  /** Writes every dirty profile to the store; call inside the deciding transaction. */
  flush(): void;
  /** Forgets every cached profile, dirty or not (after a rollback or an outside write). */
  discard(): void;
}

/** Wraps `store`; keeps at most about `maxEntries` clean profiles (cleared wholesale when exceeded). */
export function createProfileCache(store: ProfileStore, maxEntries = 200_000): ProfileCache {
  let cached = new Map<string, CustomerProfile>();
  let dirty = new Map<string, CustomerProfile>();
  return {
    get(customerId) {
      const hit = cached.get(customerId);
      if (hit !== undefined) {
        return hit;
      }
      const loaded = store.get(customerId);
      if (loaded !== undefined) {
        cached.set(customerId, loaded);
      }
      return loaded;
    },
    put(profile) {
      cached.set(profile.customerId, profile);
      dirty.set(profile.customerId, profile);
    },
    // Profiles waiting in `dirty` are not in the store yet: a count must include them.
    count: () => {
      let unsaved = 0;
      for (const customerId of dirty.keys()) {
        if (store.get(customerId) === undefined) {
          unsaved += 1;
        }
      }
      return store.count() + unsaved;
    },
    flush() {
      for (const profile of dirty.values()) {
        store.put(profile);
      }
      dirty = new Map();
      if (cached.size > maxEntries) {
        cached = new Map();
      }
    },
    discard() {
      cached = new Map();
      dirty = new Map();
    },
  };
}
