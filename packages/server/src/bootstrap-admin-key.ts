import type { ApiKeyStore } from './auth/api-key-store';

/**
 * On a fresh install (no usable key and no BOOTSTRAP_ADMIN_KEY) creates an admin key and returns
 * its secret for main.ts to print once; otherwise returns undefined. Revoked keys do not count, so
 * an operator locked out by revoking every key gets a new admin key at the next start.
 */
export function ensureAdminKey(
  apiKeys: Pick<ApiKeyStore, 'list' | 'create'>,
  options: { bootstrapAdminKey?: string; now: number },
): string | undefined {
  if (options.bootstrapAdminKey !== undefined) {
    return undefined;
  }
  if (apiKeys.list().some((key) => key.revokedAt === undefined)) {
    return undefined;
  }
  return apiKeys.create({ role: 'admin', label: 'bootstrap admin', now: options.now }).secret;
}
