import type { FastifyInstance } from 'fastify';
import { HealthBody, ReadinessBody } from '@omnitouch/contracts';
import { errorStatus } from '../../errors';

/** A named readiness check: true when the dependency answers (a throw counts as false). */
export type ReadinessCheck = () => boolean | Promise<boolean>;

/**
 * `GET /healthz` (the process answers) and `GET /readyz` (every readiness check passes; 503
 * otherwise). Public and not rate limited: probes carry no key.
 */
export function registerHealthRoutes(
  app: FastifyInstance,
  readinessChecks: Readonly<Record<string, ReadinessCheck>>,
): void {
  const config = { public: true, rateLimit: false } as const;
  app.get(
    '/healthz',
    { config, schema: { tags: ['health'], security: [], response: { 200: HealthBody } } },
    () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      config,
      schema: {
        tags: ['health'],
        security: [],
        response: { 200: ReadinessBody, 503: ReadinessBody },
      },
    },
    async (_request, reply) => {
      const checks = await runChecks(readinessChecks);
      const ready = Object.values(checks).every(Boolean);
      return reply
        .status(ready ? 200 : (errorStatus['not-ready'] as 503))
        .send({ status: ready ? 'ready' : 'not-ready', checks });
    },
  );
}

async function runChecks(
  readinessChecks: Readonly<Record<string, ReadinessCheck>>,
): Promise<Record<string, boolean>> {
  const entries = await Promise.all(
    Object.entries(readinessChecks).map(async ([name, check]) => {
      try {
        return [name, await check()] as const;
      } catch {
        return [name, false] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}
