import type { ApiKeyRole } from '@omnitouch/contracts';
import { apiKeyRoles } from '@omnitouch/contracts';
import type { AuthenticatedApiKey } from './authenticate-api-key';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles allowed on this route (`admin` is always allowed). Every non-public route declares them. */
    roles?: readonly ApiKeyRole[];
    /** True for routes that need no key (health, the OpenAPI UI). */
    public?: boolean;
  }
  interface FastifyRequest {
    /** The authenticated key; undefined on public routes. */
    apiKey: AuthenticatedApiKey | undefined;
  }
}

/** Every role: for routes that anyone with a valid key may call (reading catalogs). */
export const anyRole: readonly ApiKeyRole[] = apiKeyRoles;

/** Whether a key with `role` may call a route that allows `allowed`; `admin` may do everything. */
export function isRoleAllowed(role: ApiKeyRole, allowed: readonly ApiKeyRole[]): boolean {
  return role === 'admin' || allowed.includes(role);
}
