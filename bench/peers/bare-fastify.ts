import { pathToFileURL } from 'node:url';
import Fastify from 'fastify';

/**
 * The overhead peer of the server benches: a bare Fastify server whose routes only parse the same
 * JSON bodies (Fastify's default parser, the same 1 MiB limit as ours). `POST /api/v1/events`
 * answers 200 with the event count; `POST /api/v1/decide` answers one fixed offer for the asked
 * customer and touchpoint — the floor of what the paced load client can measure on this machine.
 * Everything our server does beyond that — auth, validation, the decision pipeline, durable
 * commits — is what the ratios price. Run as a script it listens on `PORT` (0: a free one) and
 * prints its URL.
 */
export async function listenBareFastify(port: number): Promise<string> {
  const app = Fastify({ logger: false, bodyLimit: 1_048_576 });
  app.post<{ Body: { events?: unknown[] } }>('/api/v1/events', (request) => ({
    accepted: request.body.events?.length ?? 0,
  }));
  app.post<{ Body: { customerId?: string; touchpointId?: string } }>(
    '/api/v1/decide',
    (request) => ({
      customerId: request.body.customerId,
      touchpointId: request.body.touchpointId,
      offers: [{ offerId: 'bare', caseId: 'bare', content: 'bare', score: 1 }],
      latencyMs: 0,
    }),
  );
  return app.listen({ port, host: '127.0.0.1' });
}

/** The announcement the bench waits for; group 1 is the URL. */
export const bareFastifyReadyPattern = /bare fastify listening on (http:\/\/[^\s]+)/;

if (process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const url = await listenBareFastify(Number(process.env['PORT'] ?? '0'));
  console.log(`bare fastify listening on ${url}`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => process.exit(0));
  }
}
