import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ApiKeyRole } from '@omnitouch/contracts';
import type { AppDependencies } from '../../build-app';
import type {
  ChannelBindingService,
  ResolvedChannelBinding,
} from '../../delivery/channel-binding-service';
import { sendError } from '../../errors';
import { authErrorResponses, errorResponses } from '../route-schemas';
import {
  ChannelBindingBody,
  ChannelBindingView,
  TouchpointParams,
} from './touchpoint-channels.schema';

/** Who may read and change a touchpoint's channel (`admin` always may). */
export const channelBindingWriterRoles: readonly ApiKeyRole[] = ['planner'];

/**
 * `GET`, `PUT` and `DELETE /api/v1/touchpoints/:id/channel`: how the touchpoint's deliveries leave
 * the server. Deleting restores the default (staff screens or the log). Secrets are write-only.
 */
export function registerTouchpointChannelRoutes(app: FastifyInstance, deps: AppDependencies): void {
  const bindings = deps.frontLine?.channelBindings;
  if (bindings === undefined) {
    return;
  }
  const url = '/api/v1/touchpoints/:id/channel';
  const config = { roles: channelBindingWriterRoles };
  const tags = ['touchpoints'];
  const params = TouchpointParams;
  app.get<{ Params: TouchpointParams }>(
    url,
    {
      config,
      schema: {
        tags,
        params,
        response: { 200: ChannelBindingView, ...errorResponses(404), ...authErrorResponses },
      },
    },
    (request, reply) => {
      sendBinding(reply, bindings, request.params.id, 200);
    },
  );
  app.put<{ Params: TouchpointParams; Body: ChannelBindingBody }>(
    url,
    {
      config,
      schema: {
        tags,
        params,
        body: ChannelBindingBody,
        response: {
          200: ChannelBindingView,
          201: ChannelBindingView,
          ...errorResponses(400, 404),
          ...authErrorResponses,
        },
      },
    },
    (request, reply) => {
      const touchpointId = request.params.id;
      const result = bindings.put({ ...request.body, touchpointId });
      if (!result.ok) {
        const unknown = result.kind === 'unknown-touchpoint';
        sendError(reply, unknown ? 'not-found' : 'validation-failed', unknown ? [] : result.issues);
        return;
      }
      sendBinding(reply, bindings, touchpointId, result.created ? 201 : 200);
    },
  );
  app.delete<{ Params: TouchpointParams }>(
    url,
    {
      config,
      schema: { tags, params, response: { ...errorResponses(404), ...authErrorResponses } },
    },
    (request, reply) => {
      if (bindings.remove(request.params.id)) {
        reply.status(204).send();
      } else {
        sendError(reply, 'not-found');
      }
    },
  );
}

function sendBinding(
  reply: FastifyReply,
  bindings: ChannelBindingService,
  touchpointId: string,
  status: number,
): FastifyReply {
  const resolved = bindings.resolve(touchpointId);
  return resolved === undefined
    ? sendError(reply, 'not-found')
    : reply.status(status).send(presentBinding(resolved));
}

/** The binding without its secret. */
export function presentBinding({ binding, isDefault }: ResolvedChannelBinding): ChannelBindingView {
  return {
    touchpointId: binding.touchpointId,
    kind: binding.kind,
    ...(binding.url !== undefined && { url: binding.url }),
    ...(binding.timeoutMs !== undefined && { timeoutMs: binding.timeoutMs }),
    hasSecret: binding.secret !== undefined,
    isDefault,
  };
}
