import { createHash, timingSafeEqual } from 'node:crypto';
import { apiKeyRoles, type ApiKeyRole } from '@omnitouch/contracts';
import type { ApiKeyStore } from './api-key-store';

/** The key a request was authenticated with: its id (the rate-limit key) and role. */
export interface AuthenticatedApiKey {
  readonly id: string;
  readonly role: ApiKeyRole;
}

/** The id reported for the key given in BOOTSTRAP_ADMIN_KEY (it is not in the store). */
export const bootstrapAdminKeyId = 'bootstrap-admin';

/**
 * Looks `secret` up in `store`; with `bootstrapAdminKey` set, that secret is also accepted as an
 * admin key (compared in constant time). Keys with a role this server does not know are refused.
 */
export function createApiKeyAuthenticator(
  store: Pick<ApiKeyStore, 'verify'>,
  bootstrapAdminKey?: string,
): (secret: string) => AuthenticatedApiKey | undefined {
  const bootstrapDigest = bootstrapAdminKey === undefined ? undefined : digest(bootstrapAdminKey);
  return (secret) => {
    if (bootstrapDigest !== undefined && timingSafeEqual(digest(secret), bootstrapDigest)) {
      return { id: bootstrapAdminKeyId, role: 'admin' };
    }
    const found = store.verify(secret);
    if (found === undefined || !isApiKeyRole(found.role)) {
      return undefined;
    }
    return { id: found.keyId, role: found.role };
  };
}

/** Whether `role` is one of the roles in contracts' `apiKeyRoles`. */
export function isApiKeyRole(role: string): role is ApiKeyRole {
  return (apiKeyRoles as readonly string[]).includes(role);
}

function digest(secret: string): Buffer {
  // Hashing first gives equal-length buffers, as timingSafeEqual requires.
  return createHash('sha256').update(secret).digest();
}
