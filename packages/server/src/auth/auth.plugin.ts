import type { FastifyInstance, FastifyRequest, RouteOptions, onRequestHookHandler } from 'fastify';
import type { ApiKeyRole } from '@omnitouch/contracts';
import { ApiError } from '../errors';
import { readApiKeyCredential } from './api-key-credential';
import type { AuthenticatedApiKey } from './authenticate-api-key';
import { isRoleAllowed } from './route-access';

/** Where the OpenAPI UI is served: public, so anyone can read the API's documentation. */
const publicPrefixes = ['/docs'];

/**
 * Registers API key authentication on `app`: every route must declare `config.roles` or
 * `config.public` (registration fails otherwise, so no route is left open by mistake); requests to
 * other routes need a valid key (401) whose role is allowed (403). Runs `onRequest`, before the
 * body is read and before rate limiting, which counts per key id.
 */
export function registerApiKeyAuth(
  app: FastifyInstance,
  authenticate: (secret: string) => AuthenticatedApiKey | undefined,
): void {
  app.decorateRequest('apiKey', undefined);
  app.addHook('onRoute', (route) => {
    const roles = requireDeclaredAccess(route);
    if (roles === undefined) {
      return;
    }
    // A hook on each protected route, with its roles at hand: public routes and the not-found
    // handler run no auth hook, and no request reads `routeOptions` (built afresh at each read).
    // Callback style: the check is synchronous, and a promise per request costs throughput.
    const check: onRequestHookHandler = (request, _reply, done) => {
      done(checkAccess(request, roles, authenticate));
    };
    // First, as an app-wide hook would run: before the route's own hooks and rate limiting.
    const existing = route.onRequest;
    route.onRequest =
      existing === undefined
        ? [check]
        : [check, ...(Array.isArray(existing) ? existing : [existing])];
  });
}

/** Undefined when the request may proceed (setting `request.apiKey`), else the error to answer. */
function checkAccess(
  request: FastifyRequest,
  roles: readonly ApiKeyRole[],
  authenticate: (secret: string) => AuthenticatedApiKey | undefined,
): ApiError | undefined {
  const secret = readApiKeyCredential(request);
  if (secret === undefined) {
    return new ApiError('missing-api-key');
  }
  const key = authenticate(secret);
  if (key === undefined) {
    return new ApiError('invalid-api-key');
  }
  request.apiKey = key;
  return isRoleAllowed(key.role, roles) ? undefined : new ApiError('forbidden');
}

/** The roles `route` requires, undefined for a public route; throws when it declares neither. */
function requireDeclaredAccess(route: RouteOptions): readonly ApiKeyRole[] | undefined {
  const config = route.config ?? {};
  if (publicPrefixes.some((prefix) => route.url.startsWith(prefix))) {
    route.config = { ...config, public: true };
    return undefined;
  }
  if (config.public !== true && config.roles === undefined) {
    throw new Error(
      `${route.method.toString()} ${route.url} declares neither config.roles nor config.public`,
    );
  }
  return config.public === true ? undefined : config.roles;
}
