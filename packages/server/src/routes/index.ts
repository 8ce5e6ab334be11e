import type { FastifyInstance } from 'fastify';
import type { AppDependencies } from '../build-app';
import type { Metrics } from '../metrics';
import { registerCatalogRoutes } from './catalog/catalog.routes';
import { registerHealthRoutes } from './health/health.routes';
import { registerKeyRoutes } from './keys/keys.routes';
import { registerMetricsRoutes } from './metrics/metrics.routes';

/**
 * Every route of the API. A new resource adds its folder `routes/<resource>/` with
 * `<resource>.routes.ts` exporting `register<Resource>Routes(app, …)` and one line here.
 */
export function registerRoutes(
  app: FastifyInstance,
  deps: AppDependencies,
  metrics: Metrics,
): void {
  registerHealthRoutes(app, deps.readinessChecks ?? {});
  registerMetricsRoutes(app, metrics);
  registerKeyRoutes(app, deps.apiKeys, deps.clock);
  registerCatalogRoutes(app, deps.catalog);
}
