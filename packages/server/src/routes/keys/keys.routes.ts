import type { FastifyInstance } from 'fastify';
import {
  ApiKeyList,
  ApiKeyParams,
  CreateApiKeyRequest,
  CreatedApiKey,
  type ApiKeySummary,
} from '@omnitouch/contracts';
import type { Clock } from '@omnitouch/engine';
import type { ApiKeyStore } from '../../auth/api-key-store';
import { isApiKeyRole } from '../../auth/authenticate-api-key';
import { sendError } from '../../errors';
import { authErrorResponses, errorResponses } from '../route-schemas';

const config = { roles: ['admin'] } as const;
const tags = ['keys'];

/** `POST/GET /api/v1/keys`, `DELETE /api/v1/keys/:id`: API key administration (admin only). */
export function registerKeyRoutes(app: FastifyInstance, apiKeys: ApiKeyStore, clock: Clock): void {
  app.post<{ Body: CreateApiKeyRequest }>(
    '/api/v1/keys',
    {
      config,
      schema: {
        tags,
        body: CreateApiKeyRequest,
        response: { 201: CreatedApiKey, ...errorResponses(400), ...authErrorResponses },
      },
    },
    (request, reply) => {
      const { role, label } = request.body;
      const created = apiKeys.create({ role, label, now: clock.now() });
      const body: CreatedApiKey = { id: created.keyId, role, label, secret: created.secret };
      reply.status(201).send(body);
    },
  );
  app.get(
    '/api/v1/keys',
    { config, schema: { tags, response: { 200: ApiKeyList, ...authErrorResponses } } },
    (): ApiKeyList => ({ items: listKeys(apiKeys) }),
  );
  app.delete<{ Params: ApiKeyParams }>(
    '/api/v1/keys/:id',
    {
      config,
      schema: {
        tags,
        params: ApiKeyParams,
        response: { ...errorResponses(404), ...authErrorResponses },
      },
    },
    (request, reply) => {
      if (apiKeys.revoke(request.params.id, clock.now())) {
        reply.status(204).send();
      } else {
        sendError(reply, 'not-found');
      }
    },
  );
}

function listKeys(apiKeys: ApiKeyStore): ApiKeySummary[] {
  return apiKeys.list().flatMap((key) =>
    isApiKeyRole(key.role)
      ? [
          {
            id: key.keyId,
            role: key.role,
            label: key.label,
            createdAt: key.createdAt,
            ...(key.revokedAt !== undefined && { revokedAt: key.revokedAt }),
          },
        ]
      : [],
  );
}
