import type { FastifyInstance } from 'fastify';
import type { ApiKeyRole } from '@omnitouch/contracts';
import type { AppDependencies } from '../../build-app';
import { sendError } from '../../errors';
import { authErrorResponses, errorResponses } from '../route-schemas';
import {
  CustomerParams,
  CustomerProfileBody,
  TimelineBody,
  TimelineQuery,
} from './customers.schema';

/** Who may read a customer's profile and timeline (`admin` always may). */
export const customerReaderRoles: readonly ApiKeyRole[] = ['analyst', 'staff', 'planner'];

/**
 * `GET /api/v1/customers/:id` (profile: tags by id, attributes, live real-time tags, consent,
 * counters) and `GET /api/v1/customers/:id/timeline` (events, decisions with traces, contacts and
 * outcomes, newest first). Registered only when the front-line dependencies are given.
 */
export function registerCustomerRoutes(app: FastifyInstance, deps: AppDependencies): void {
  const customers = deps.frontLine?.customers;
  if (customers === undefined) {
    return;
  }
  const config = { roles: customerReaderRoles };
  const tags = ['customers'];
  app.get<{ Params: CustomerParams }>(
    '/api/v1/customers/:id',
    {
      config,
      schema: {
        tags,
        params: CustomerParams,
        response: { 200: CustomerProfileBody, ...errorResponses(400, 404), ...authErrorResponses },
      },
    },
    (request, reply) => {
      const profile = customers.profile(request.params.id, deps.clock.now());
      if (profile === undefined) {
        sendError(reply, 'not-found');
      } else {
        reply.send(profile);
      }
    },
  );
  app.get<{ Params: CustomerParams; Querystring: TimelineQuery }>(
    '/api/v1/customers/:id/timeline',
    {
      config,
      schema: {
        tags,
        params: CustomerParams,
        querystring: TimelineQuery,
        response: { 200: TimelineBody, ...errorResponses(400, 404), ...authErrorResponses },
      },
    },
    (request, reply) => {
      const customerId = request.params.id;
      const entries = customers.timeline(customerId, request.query.limit ?? 50);
      if (entries === undefined) {
        sendError(reply, 'not-found');
      } else {
        reply.send({ customerId, entries });
      }
    },
  );
}
