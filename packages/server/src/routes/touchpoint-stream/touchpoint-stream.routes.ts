import type { FastifyInstance } from 'fastify';
import type { ApiKeyRole } from '@omnitouch/contracts';
import type { AppDependencies } from '../../build-app';
import { sendError } from '../../errors';
import { authErrorResponses, errorResponses } from '../route-schemas';
import { openEventStream, type EventStream } from './server-sent-events';
import { StreamParams, StreamQuery } from './touchpoint-stream.schema';

/** Who may watch a touchpoint's offers (`admin` always may): the front-line screens. */
export const streamWatcherRoles: readonly ApiKeyRole[] = ['staff'];

/**
 * `GET /api/v1/touchpoints/:id/stream[?staffId=]`: Server-Sent Events. Every offer delivered to the
 * touchpoint (for that staff member, or for nobody in particular) is pushed as `event: offer` with
 * the delivery payload as JSON, the moment the staff-screen channel delivers it; a `: heartbeat`
 * comment every 15 s keeps proxies from closing an idle stream. Auth and validation answer as usual
 * before the stream opens; after that the response is hijacked and written raw.
 */
export function registerTouchpointStreamRoutes(app: FastifyInstance, deps: AppDependencies): void {
  const frontLine = deps.frontLine;
  if (frontLine === undefined) {
    return;
  }
  const heartbeatMs = frontLine.heartbeatMs ?? 15_000;
  const open = new Set<EventStream>();
  // A stream never ends by itself: end them before the server closes, or close() would wait forever.
  app.addHook('preClose', (done) => {
    open.forEach((stream) => stream.close());
    done();
  });
  app.get<{ Params: StreamParams; Querystring: StreamQuery }>(
    '/api/v1/touchpoints/:id/stream',
    {
      config: { roles: streamWatcherRoles },
      schema: {
        tags: ['touchpoints'],
        params: StreamParams,
        querystring: StreamQuery,
        response: { ...errorResponses(400, 404), ...authErrorResponses },
      },
    },
    (request, reply) => {
      const touchpointId = request.params.id;
      if (frontLine.channelBindings.resolve(touchpointId) === undefined) {
        sendError(reply, 'not-found');
        return;
      }
      const staffId = request.query.staffId;
      reply.hijack();
      let unsubscribe = () => {};
      const stream = openEventStream(reply.raw, () => {
        unsubscribe();
        clearInterval(heartbeat);
        open.delete(stream);
      });
      open.add(stream);
      unsubscribe = frontLine.delivery.hub.subscribe(
        { touchpointId, ...(staffId !== undefined && { staffId }) },
        (message) => stream.send('offer', message, message.idempotencyKey),
      );
      const heartbeat = setInterval(() => stream.comment('heartbeat'), heartbeatMs);
      heartbeat.unref();
    },
  );
}
