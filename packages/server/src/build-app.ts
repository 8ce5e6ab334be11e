import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { LoggerOptions } from 'pino';
import type { Clock } from '@omnitouch/engine';
import type { ApiKeyStore } from './auth/api-key-store';
import { registerApiKeyAuth } from './auth/auth.plugin';
import { createApiKeyAuthenticator } from './auth/authenticate-api-key';
import { cacheVerifiedKeys, forgetOnRevoke } from './auth/verified-key-cache';
import type { CatalogService } from './catalog/catalog-service';
import type { Config } from './config';
import type { DecisionRuntime } from './runtime/decision-runtime';
import type { FrontLineDependencies } from './delivery/front-line-dependencies';
import { ApiError, handleError, handleNotFound } from './errors';
import { deferredChildLoggerFactory } from './logging';
import { createMetrics, registerHttpMetrics, type Metrics } from './metrics';
import { registerRoutes } from './routes/index';
import type { ReadinessCheck } from './routes/health/health.routes';
import { coerceQueryAndParams } from './request-coercion';

/**
 * Everything the app is built from, passed in by the composition root (main.ts) or a test: no
 * singletons, no `process.env`. Later resources add their dependencies (engine, stores) here.
 */
export interface AppDependencies {
  readonly config: Config;
  /** pino options (see `createLoggerOptions`); false or absent: no logging (tests). */
  readonly logger?: LoggerOptions | false;
  readonly clock: Clock;
  readonly apiKeys: ApiKeyStore;
  readonly catalog: CatalogService;
  /** Created by `buildApp` when absent; pass one to increment product metrics outside HTTP. */
  readonly metrics?: Metrics;
  /** Named checks `GET /readyz` runs (e.g. `database`). */
  readonly readinessChecks?: Readonly<Record<string, ReadinessCheck>>;
  /** The decision runtime; the ingest, Segment and decide routes are registered only with it. */
  readonly runtime?: DecisionRuntime;
  /** Front-line delivery (decide, outcomes, touchpoint streams, channels, dead letters); with `runtime`. */
  readonly frontLine?: FrontLineDependencies;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's Prometheus metrics (its own registry). */
    metrics: Metrics;
  }
}

/**
 * Builds the Fastify app without listening: OpenAPI at `/docs`, `ErrorBody` errors, API key auth,
 * per-key rate limits, metrics and every route. Tests call it and use `app.inject()`.
 */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    // Request loggers are created only when a request logs something (the level may be warn).
    ...(deps.logger ? { childLoggerFactory: deferredChildLoggerFactory } : {}),
    bodyLimit: deps.config.maxBodyBytes,
    // allErrors: report EVERY failing field. removeAdditional: false, so unknown fields are
    // reported (schemas say additionalProperties: false) instead of silently stripped.
    // coerceTypes: false keeps JSON bodies strict (AJV would turn null into 0); query strings and
    // path parameters are converted from text by `coerceQueryAndParams` instead.
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: false } },
  });
  const metrics = deps.metrics ?? createMetrics();
  app.decorate('metrics', metrics);
  // The API speaks JSON only; a text body is a client mistake (415), not a string to validate.
  // Resources that accept CSV or NDJSON register their own parsers.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  const verifiedKeys = cacheVerifiedKeys(
    createApiKeyAuthenticator(deps.apiKeys, deps.config.bootstrapAdminKey),
    { now: () => deps.clock.now() },
  );
  registerApiKeyAuth(app, verifiedKeys.authenticate);
  coerceQueryAndParams(app);
  registerHttpMetrics(app, metrics);
  if (deps.config.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      max: deps.config.rateLimitPerMinute,
      timeWindow: 60_000,
      // Runs after the auth hook (route hooks follow app hooks), so the key id is known.
      keyGenerator: (request) => request.apiKey?.id ?? request.ip,
      errorResponseBuilder: () => new ApiError('rate-limited'),
    });
  }
  await registerOpenApi(app);
  // Revoking a key through the API forgets every verified secret, so it is refused at once.
  registerRoutes(
    app,
    { ...deps, apiKeys: forgetOnRevoke(deps.apiKeys, verifiedKeys.clear) },
    metrics,
  );
  return app;
}

async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Omnitouch API',
        description: 'Real-time marketing across every touchpoint: events in, offers out.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
          basic: { type: 'http', scheme: 'basic', description: 'the API key as the user name' },
        },
      },
      security: [{ bearer: [] }, { apiKey: [] }, { basic: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
