import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ApiKeyRole } from '@omnitouch/contracts';
import {
  CatalogItemList,
  CatalogItemParams,
  catalogCollections,
  type CatalogCollection,
  type CatalogItem,
} from '@omnitouch/contracts';
import { anyRole } from '../../auth/route-access';
import type { CatalogService, CatalogWriteResult } from '../../catalog/catalog-service';
import { sendError } from '../../errors';
import { authErrorResponses, errorResponses } from '../route-schemas';

/** Who may change the catalog (`admin` always may). */
export const catalogWriterRoles: readonly ApiKeyRole[] = ['planner'];

/**
 * `GET /api/v1/catalog/<collection>` (list), and `GET`, `PUT` (upsert; 201 when created) and
 * `DELETE` of `/api/v1/catalog/<collection>/:id`. Reads need any key; writes a planner's.
 */
export function registerCatalogCollectionRoutes<C extends CatalogCollection>(
  app: FastifyInstance,
  catalog: CatalogService,
  collection: C,
): void {
  const item = catalogCollections[collection];
  const url = `/api/v1/catalog/${collection}`;
  const read = { roles: anyRole };
  const write = { roles: catalogWriterRoles };
  const tags = ['catalog'];
  const params = CatalogItemParams;
  app.get(
    url,
    {
      config: read,
      schema: { tags, response: { 200: CatalogItemList(item), ...authErrorResponses } },
    },
    () => ({ items: catalog.list(collection) }),
  );
  app.get<{ Params: CatalogItemParams }>(
    `${url}/:id`,
    {
      config: read,
      schema: {
        tags,
        params,
        response: { 200: item, ...errorResponses(404), ...authErrorResponses },
      },
    },
    (request, reply) => {
      const found = catalog.get(collection, request.params.id);
      if (found === undefined) {
        sendError(reply, 'not-found');
      } else {
        reply.send(found);
      }
    },
  );
  app.put<{ Params: CatalogItemParams; Body: unknown }>(
    `${url}/:id`,
    {
      config: write,
      schema: {
        tags,
        params,
        body: item,
        response: { 200: item, 201: item, ...errorResponses(400, 409), ...authErrorResponses },
      },
    },
    (request, reply) => {
      // The body schema is the collection's item schema, checked before this handler runs.
      const body = request.body as CatalogItem<C>;
      if (body.id !== request.params.id) {
        const reason = `must equal the id in the URL (${request.params.id})`;
        sendError(reply, 'validation-failed', [{ field: '/id', reason }]);
        return;
      }
      const savedBy = request.apiKey?.id;
      const result = catalog.upsert(collection, body, { ...(savedBy && { savedBy }) });
      sendWriteResult(reply, result, (value) =>
        reply.status(value.created ? 201 : 200).send(value.item),
      );
    },
  );
  app.delete<{ Params: CatalogItemParams }>(
    `${url}/:id`,
    {
      config: write,
      schema: {
        tags,
        params,
        response: { ...errorResponses(400, 404, 409), ...authErrorResponses },
      },
    },
    (request, reply) => {
      const savedBy = request.apiKey?.id;
      const result = catalog.remove(collection, request.params.id, { ...(savedBy && { savedBy }) });
      sendWriteResult(reply, result, () => reply.status(204).send());
    },
  );
}

/** Answers a catalog write: the error with its issues, or `onSaved` with the saved value. */
export function sendWriteResult<T>(
  reply: FastifyReply,
  result: CatalogWriteResult<T>,
  onSaved: (value: T) => FastifyReply,
): FastifyReply {
  return result.ok ? onSaved(result.value) : sendError(reply, result.error, result.issues);
}
