import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendError } from '../../errors';
import { ingestRoles } from '../events/events.routes';
import { authErrorResponses, errorResponses } from '../route-schemas';
import { ingestSegmentMessages, type SegmentIngestDeps } from './segment-ingest';
import {
  SegmentBatchBody,
  SegmentCallBody,
  SegmentReply,
  type SegmentCallType,
  type SegmentMessage,
} from './segment.schema';

const singleCalls: readonly SegmentCallType[] = [
  'track',
  'identify',
  'page',
  'screen',
  'group',
  'alias',
];

/**
 * Segment's HTTP Tracking API (`/v1/batch`, `/v1/track`, `/v1/identify`, `/v1/page`, `/v1/screen`,
 * `/v1/group`, `/v1/alias`), so existing analytics clients send here unchanged: HTTP Basic auth with
 * the write key (an `ingest` API key) as user name. A bad batch is rejected whole.
 */
export function registerSegmentRoutes(app: FastifyInstance, deps: SegmentIngestDeps): void {
  const tags = ['segment'];
  const response = { 200: SegmentReply, ...errorResponses(400, 413, 415), ...authErrorResponses };
  const answer = async (
    reply: FastifyReply,
    messages: { message: SegmentMessage; path: string }[],
    sentAt: string | undefined,
  ) => {
    const result = await ingestSegmentMessages(messages, sentAt, deps);
    return result.ok ? result.value : sendError(reply, 'validation-failed', result.issues);
  };
  app.post<{ Body: SegmentBatchBody }>(
    '/v1/batch',
    { config: { roles: ingestRoles }, schema: { tags, body: SegmentBatchBody, response } },
    (request, reply) =>
      answer(
        reply,
        request.body.batch.map((message, index) => ({ message, path: `/batch/${index}` })),
        request.body.sentAt,
      ),
  );
  for (const type of singleCalls) {
    app.post<{ Body: SegmentCallBody }>(
      `/v1/${type}`,
      { config: { roles: ingestRoles }, schema: { tags, body: SegmentCallBody, response } },
      (request, reply) => {
        if (request.body.type !== undefined && request.body.type !== type) {
          return sendError(reply, 'validation-failed', [
            { field: '/type', reason: `must be '${type}' on /v1/${type}` },
          ]);
        }
        return answer(reply, [{ message: { ...request.body, type }, path: '' }], undefined);
      },
    );
  }
}
