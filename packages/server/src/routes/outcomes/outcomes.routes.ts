import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ApiKeyRole } from '@omnitouch/contracts';
import { pointer, type FieldIssue, type OutcomeRecord } from '@omnitouch/core';
import type { OutcomeInput } from '@omnitouch/engine';
import type { AppDependencies } from '../../build-app';
import { sendError } from '../../errors';
import type { DecisionRuntime } from '../../runtime/decision-runtime';
import { authErrorResponses, errorResponses } from '../route-schemas';
import {
  OutcomeBatchBody,
  OutcomeBody,
  OutcomesResponse,
  type OutcomeBody as Outcome,
} from './outcomes.schema';

/** Who may report outcomes (`admin` always may): front-line staff and touchpoint systems. */
export const outcomeReporterRoles: readonly ApiKeyRole[] = ['staff', 'ingest'];

/**
 * `POST /api/v1/outcomes` (one outcome) and `POST /api/v1/outcomes/batch` (`{ outcomes: [...] }`).
 * A batch is checked whole first — every unknown offer named as `/outcomes/i/offerId` — and
 * nothing is recorded unless all of it is good.
 */
export function registerOutcomeRoutes(app: FastifyInstance, deps: AppDependencies): void {
  const runtime = deps.runtime;
  if (runtime === undefined) {
    return;
  }
  const offers = deps.frontLine?.offers;
  const record = (items: readonly Outcome[], base: string): Answer => {
    const unknown = offers === undefined ? [] : unknownOffers(items, base, offers);
    return unknown.length > 0 ? { ok: false, issues: unknown } : recordAll(runtime, items, base);
  };
  const config = { roles: outcomeReporterRoles };
  const tags = ['outcomes'];
  const response = { 200: OutcomesResponse, ...errorResponses(400), ...authErrorResponses };
  app.post<{ Body: Outcome }>(
    '/api/v1/outcomes',
    { config, schema: { tags, body: OutcomeBody, response } },
    (request, reply) => {
      answer(reply, record([request.body], ''));
    },
  );
  app.post<{ Body: OutcomeBatchBody }>(
    '/api/v1/outcomes/batch',
    { config, schema: { tags, body: OutcomeBatchBody, response } },
    (request, reply) => {
      answer(reply, record(request.body.outcomes, '/outcomes'));
    },
  );
}

type Answer = { ok: true; value: OutcomeRecord[] } | { ok: false; issues: FieldIssue[] };

function answer(reply: FastifyReply, result: Answer): void {
  if (result.ok) {
    reply.send({ recorded: result.value.length, outcomes: result.value });
  } else {
    sendError(reply, 'validation-failed', result.issues);
  }
}

function unknownOffers(
  items: readonly Outcome[],
  base: string,
  offers: { get(offerId: string): unknown },
): FieldIssue[] {
  return items.flatMap((item, index) =>
    offers.get(item.offerId) === undefined
      ? [{ field: `${fieldBase(base, index)}/offerId`, reason: 'unknown offer' }]
      : [],
  );
}

function recordAll(runtime: DecisionRuntime, items: readonly Outcome[], base: string): Answer {
  const value: OutcomeRecord[] = [];
  const issues: FieldIssue[] = [];
  items.forEach((item, index) => {
    const result = runtime.recordOutcome(toOutcomeInput(item));
    if (result.ok) {
      value.push(result.value);
    } else {
      const prefix = fieldBase(base, index);
      issues.push(
        ...result.issues.map((i) => ({ field: `${prefix}${i.field}`, reason: i.reason })),
      );
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

function fieldBase(base: string, index: number): string {
  return base === '' ? '' : pointer(base, index);
}

/** The engine's input: the ISO `at` as epoch ms. */
export function toOutcomeInput(body: Outcome): OutcomeInput {
  return {
    offerId: body.offerId,
    outcome: body.outcome,
    ...(body.at !== undefined && { at: Date.parse(body.at) }),
    ...(body.amount !== undefined && { amount: body.amount }),
    ...(body.staffId !== undefined && { staffId: body.staffId }),
  };
}
