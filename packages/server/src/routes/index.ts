import type { FastifyInstance } from 'fastify';
import type { AppDependencies } from '../build-app';
import type { Metrics } from '../metrics';
import { registerCatalogRoutes } from './catalog/catalog.routes';
import { registerEventRoutes } from './events/events.routes';
import { registerSegmentRoutes } from './segment/segment.routes';
import { registerHealthRoutes } from './health/health.routes';
import { registerImportRoutes } from './imports/imports.routes';
import { createImportJobs } from '../import/import-jobs';
import { registerKeyRoutes } from './keys/keys.routes';
import { registerMetricsRoutes } from './metrics/metrics.routes';
import { registerCustomerRoutes } from './customers/customers.routes';
import { registerDeadLetterRoutes } from './dead-letters/dead-letters.routes';
import { registerDecideRoutes } from './decide/decide.routes';
import { registerOutcomeRoutes } from './outcomes/outcomes.routes';
import { registerTouchpointChannelRoutes } from './touchpoint-channels/touchpoint-channels.routes';
import { registerTouchpointStreamRoutes } from './touchpoint-stream/touchpoint-stream.routes';

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
  // Front-line routes: each registers only when its dependencies (runtime, frontLine) are given.
  registerDecideRoutes(app, deps);
  registerOutcomeRoutes(app, deps);
  registerTouchpointStreamRoutes(app, deps);
  registerTouchpointChannelRoutes(app, deps);
  registerDeadLetterRoutes(app, deps);
  registerCustomerRoutes(app, deps);
  if (deps.runtime !== undefined) {
    registerImportRoutes(app, { ...deps, runtime: deps.runtime, jobs: createImportJobs() });
    registerEventRoutes(app, deps.runtime, metrics);
    registerSegmentRoutes(app, {
      runtime: deps.runtime,
      catalog: deps.catalog,
      metrics,
      now: () => deps.clock.now(),
    });
  }
}
