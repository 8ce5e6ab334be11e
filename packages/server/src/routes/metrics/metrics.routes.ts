import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../../metrics';
import { authErrorResponses } from '../route-schemas';

/** `GET /metrics`: Prometheus text format; needs an `analyst` (or `admin`) key, as every non-health route. */
export function registerMetricsRoutes(app: FastifyInstance, metrics: Metrics): void {
  app.get(
    '/metrics',
    {
      config: { roles: ['analyst'], rateLimit: false },
      schema: { tags: ['operations'], response: authErrorResponses },
    },
    async (_request, reply) => {
      const text = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).send(text);
    },
  );
}
