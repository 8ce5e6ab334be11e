import type { FastifyInstance } from 'fastify';
import type { ApiKeyRole } from '@omnitouch/contracts';
import { sendError } from '../../errors';
import type { Metrics } from '../../metrics';
import type { DecisionRuntime, IngestReceipt } from '../../runtime/decision-runtime';
import { authErrorResponses, errorResponses } from '../route-schemas';
import { IngestEventsBody, IngestEventsQuery, IngestEventsReply } from './events.schema';

/** Who may send events: ingest keys (collectors, the CLI) and admins. */
export const ingestRoles: readonly ApiKeyRole[] = ['ingest'];

/**
 * `POST /api/v1/events`: a bulk of customer events, accepted whole or rejected whole (every bad
 * field named as `/events/<i>/<field>`). Answers 200 only once the events are durable.
 */
export function registerEventRoutes(
  app: FastifyInstance,
  runtime: Pick<DecisionRuntime, 'ingest'>,
  metrics: Metrics,
): void {
  const ingestedNative = metrics.eventsIngested.labels('native');
  app.post<{ Body: IngestEventsBody; Querystring: IngestEventsQuery }>(
    '/api/v1/events',
    {
      config: { roles: ingestRoles },
      schema: {
        tags: ['events'],
        summary: 'Ingest customer events (bulk, durable acknowledgement)',
        body: IngestEventsBody,
        querystring: IngestEventsQuery,
        response: {
          200: IngestEventsReply,
          ...errorResponses(400, 413, 415),
          ...authErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const explain = request.query.explain === true;
      const result = await runtime.ingest(request.body.events, { explain });
      if (!result.ok) {
        const issues = result.issues.map((issue) => ({ ...issue, field: `/events${issue.field}` }));
        return sendError(reply, 'validation-failed', issues);
      }
      ingestedNative.inc(result.value.accepted);
      return presentReceipt(result.value, explain);
    },
  );
}

/** The receipt as answered: decisions only when explained (they can be large). */
export function presentReceipt(receipt: IngestReceipt, explain: boolean): IngestEventsReply {
  let offers = 0;
  for (const decision of receipt.decisions) {
    offers += decision.actions.length;
  }
  return {
    accepted: receipt.accepted,
    duplicates: receipt.duplicates,
    offers,
    ...(explain && { decisions: [...receipt.decisions] }),
  };
}
