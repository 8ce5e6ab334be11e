import type { FastifyInstance } from 'fastify';
import type { ApiKeyRole } from '@omnitouch/contracts';
import type { DeadLetter } from '@omnitouch/engine';
import type { AppDependencies } from '../../build-app';
import { sendError } from '../../errors';
import { authErrorResponses, errorResponses } from '../route-schemas';
import {
  DeadLetterList,
  DeadLetterParams,
  DeadLetterQuery,
  DeadLetterRetried,
  type DeadLetterView,
} from './dead-letters.schema';

/** Who may read the dead-letter list (`admin` always may; only `admin` retries). */
export const deadLetterReaderRoles: readonly ApiKeyRole[] = ['analyst', 'planner'];

/**
 * `GET /api/v1/dead-letters` (most recent first) and `POST /api/v1/dead-letters/:id/retry`, which
 * moves the delivery back with a fresh round of attempts and answers once the first one is made.
 */
export function registerDeadLetterRoutes(app: FastifyInstance, deps: AppDependencies): void {
  const delivery = deps.frontLine?.delivery;
  if (delivery === undefined) {
    return;
  }
  const tags = ['dead-letters'];
  app.get<{ Querystring: DeadLetterQuery }>(
    '/api/v1/dead-letters',
    {
      config: { roles: deadLetterReaderRoles },
      schema: {
        tags,
        querystring: DeadLetterQuery,
        response: { 200: DeadLetterList, ...errorResponses(400), ...authErrorResponses },
      },
    },
    (request) => ({
      items: delivery.listDeadLetters(request.query.limit ?? 100).map(presentDeadLetter),
    }),
  );
  app.post<{ Params: DeadLetterParams }>(
    '/api/v1/dead-letters/:id/retry',
    {
      config: { roles: [] },
      schema: {
        tags,
        params: DeadLetterParams,
        response: { 200: DeadLetterRetried, ...errorResponses(404), ...authErrorResponses },
      },
    },
    async (request, reply) => {
      const id = request.params.id;
      return (await delivery.retryDeadLetter(id))
        ? reply.send({ id, retried: true })
        : sendError(reply, 'not-found');
    },
  );
}

export function presentDeadLetter(letter: DeadLetter): DeadLetterView {
  const d = letter.delivery;
  return {
    id: letter.id,
    touchpointId: d.touchpointId,
    offerId: d.offerId,
    customerId: d.customerId,
    caseId: d.caseId,
    deliveryMethod: d.deliveryMethod,
    content: d.content,
    reason: letter.reason,
    detail: letter.detail,
    attempts: letter.attempts,
    deadAt: letter.deadAt,
  };
}
