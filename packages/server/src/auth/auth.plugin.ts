import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
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
  app.addHook('onRoute', requireDeclaredAccess);
  // Callback style: the check is synchronous, and a promise per request costs throughput.
  app.addHook('onRequest', (request, _reply, done) => {
    done(checkAccess(request, authenticate));
  });
}

/** Undefined when the request may proceed (setting `request.apiKey`), else the error to answer. */
function checkAccess(
  request: FastifyRequest,
  authenticate: (secret: string) => AuthenticatedApiKey | undefined,
): ApiError | undefined {
  const { roles, public: isPublic } = request.routeOptions.config;
  // Routes without `roles` are public or the not-found handler (onRoute refused all others).
  if (isPublic === true || roles === undefined) {
    return undefined;
  }
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

function requireDeclaredAccess(route: RouteOptions): void {
  const config = route.config ?? {};
  if (publicPrefixes.some((prefix) => route.url.startsWith(prefix))) {
    route.config = { ...config, public: true };
    return;
  }
  if (config.public !== true && config.roles === undefined) {
    throw new Error(
      `${route.method.toString()} ${route.url} declares neither config.roles nor config.public`,
    );
  }
}
