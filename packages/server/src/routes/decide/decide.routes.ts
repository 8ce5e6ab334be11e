import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import type { ApiKeyRole } from '@omnitouch/contracts';
import type { Decision } from '@omnitouch/core';
import type { AppDependencies } from '../../build-app';
import { sendError } from '../../errors';
import { authErrorResponses, errorResponses } from '../route-schemas';
import { DecideBody, DecideResponse, type PresentedOffer } from './decide.schema';

/** Who may ask for a decision (`admin` always may): the front-line systems' keys. */
export const decideRoles: readonly ApiKeyRole[] = ['staff'];

/**
 * `POST /api/v1/decide`: the inbound touchpoint's question "what do I offer this customer now?".
 * Presents up to `limit` of the customer's open offers there and answers them with their content;
 * the answer is their delivery. The runtime records `decisionLatency{decide}`; the answer carries
 * `latencyMs`, and a decision slower than the budget is logged as a warning.
 */
export function registerDecideRoutes(app: FastifyInstance, deps: AppDependencies): void {
  const runtime = deps.runtime;
  if (runtime === undefined) {
    return;
  }
  const budgetMs = deps.frontLine?.decideBudgetMs ?? 5;
  const sessions = deps.frontLine?.staffSessions;
  app.post<{ Body: DecideBody }>(
    '/api/v1/decide',
    {
      config: { roles: decideRoles },
      schema: {
        tags: ['decide'],
        body: DecideBody,
        response: { 200: DecideResponse, ...errorResponses(400), ...authErrorResponses },
      },
    },
    (request, reply) => {
      const body = request.body;
      if (body.staffId !== undefined) {
        sessions?.remember({ ...body, staffId: body.staffId, at: deps.clock.now() });
      }
      const started = performance.now();
      const decided = runtime.decide(body);
      const latencyMs = performance.now() - started;
      if (latencyMs > budgetMs) {
        request.log.warn({ latencyMs, budgetMs }, 'decide over its latency budget');
      }
      if (decided.ok) {
        reply.send(presentDecision(decided.value, body.touchpointId, latencyMs));
      } else {
        sendError(reply, 'validation-failed', decided.issues);
      }
    },
  );
}

/** The `deliver` actions of a decision as offers; holds and deferrals are not for this screen. */
export function presentDecision(
  decision: Decision,
  touchpointId: string,
  latencyMs: number,
): DecideResponse {
  const offers: PresentedOffer[] = [];
  for (const action of decision.actions) {
    if (action.kind === 'deliver') {
      offers.push({
        offerId: action.offer.offerId,
        caseId: action.offer.caseId,
        touchpointId: action.touchpointId,
        deliveryMethod: action.deliveryMethod,
        content: action.content,
        score: action.offer.score,
        expiresAt: action.offer.expiresAt,
      });
    }
  }
  return {
    customerId: decision.customerId,
    touchpointId,
    offers,
    ...(decision.trace !== undefined && { trace: [...decision.trace] }),
    latencyMs: Math.round(latencyMs * 1000) / 1000,
  };
}
