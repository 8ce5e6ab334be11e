import type { OpenOfferCache } from '@omnitouch/store-sqlite';
import type { ProfileCache } from './profile-cache';

/**
 * The runtime's caches in front of the SQLite stores (profiles and new offers written back), handled
 * as one: every deciding transaction flushes them before it commits, and every rolled-back one
 * discards them, because cached objects may hold the rolled-back writes.
 */
export interface RuntimeCaches {
  /** Writes what the caches hold back; call inside the deciding transaction. */
  flush(): void;
  /** Forgets everything cached (after a rollback). */
  discard(): void;
}

export function combineRuntimeCaches(
  profiles: ProfileCache,
  offers: OpenOfferCache,
): RuntimeCaches {
  return {
    flush() {
      profiles.flush();
      offers.flush();
    },
    discard() {
      profiles.discard();
      offers.discard();
    },
  };
}
