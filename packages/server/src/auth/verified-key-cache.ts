import type { ApiKeyStore } from './api-key-store';
import type { AuthenticatedApiKey } from './authenticate-api-key';

/** How long a verified secret is trusted without asking the store again (ms). */
export const verifiedKeyTtlMs = 5_000;
/** Most secrets remembered; the oldest is forgotten first. Only valid secrets are kept. */
export const maxVerifiedKeys = 1_000;

/** `authenticate` with its successful answers remembered; `clear` forgets them all. */
export interface VerifiedKeyCache {
  readonly authenticate: (secret: string) => AuthenticatedApiKey | undefined;
  /** Forgets every remembered secret: call it when a key is revoked. */
  readonly clear: () => void;
}

interface Remembered {
  readonly key: AuthenticatedApiKey;
  readonly until: number;
}

/**
 * Remembers, by the raw secret, which key a secret verified as for `ttlMs`: verifying hashes the
 * secret (and reads the store), which costs more per request than everything else the auth hook
 * does. Refused secrets are never remembered (so guessing cannot fill the cache, and a key created
 * a moment ago works at once); revocation in this process clears the cache (`forgetOnRevoke`), and
 * revocation elsewhere (another process on the same store) takes effect within `ttlMs`.
 */
export function cacheVerifiedKeys(
  authenticate: (secret: string) => AuthenticatedApiKey | undefined,
  options: { readonly now: () => number; readonly ttlMs?: number; readonly maxEntries?: number },
): VerifiedKeyCache {
  const ttlMs = options.ttlMs ?? verifiedKeyTtlMs;
  const maxEntries = options.maxEntries ?? maxVerifiedKeys;
  const remembered = new Map<string, Remembered>();
  return {
    authenticate: (secret) => {
      const now = options.now();
      const hit = remembered.get(secret);
      if (hit !== undefined && hit.until > now) {
        return hit.key;
      }
      remembered.delete(secret);
      const key = authenticate(secret);
      if (key !== undefined) {
        if (remembered.size >= maxEntries) {
          const oldest = remembered.keys().next();
          if (oldest.done !== true) {
            remembered.delete(oldest.value);
          }
        }
        remembered.set(secret, { key, until: now + ttlMs });
      }
      return key;
    },
    clear: () => remembered.clear(),
  };
}

/** `store` whose successful `revoke` also calls `forget` (a `VerifiedKeyCache`'s `clear`). */
export function forgetOnRevoke(store: ApiKeyStore, forget: () => void): ApiKeyStore {
  return {
    create: (input) => store.create(input),
    verify: (secret) => store.verify(secret),
    list: () => store.list(),
    revoke: (keyId, now) => {
      const revoked = store.revoke(keyId, now);
      if (revoked) {
        forget();
      }
      return revoked;
    },
  };
}
