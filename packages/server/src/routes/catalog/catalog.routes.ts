import type { FastifyInstance } from 'fastify';
import { CatalogSnapshot } from '@omnitouch/core';
import { ContactPolicyBody, catalogCollectionNames } from '@omnitouch/contracts';
import { anyRole } from '../../auth/route-access';
import type { CatalogService } from '../../catalog/catalog-service';
import { authErrorResponses, errorResponses } from '../route-schemas';
import {
  catalogWriterRoles,
  registerCatalogCollectionRoutes,
  sendWriteResult,
} from './catalog-collection.routes';
import { CatalogSnapshotBody } from './catalog.schema';

/**
 * Catalog CRUD under `/api/v1/catalog`: every collection, the contact policy, and the whole snapshot
 * (`GET`/`PUT /api/v1/catalog`, for imports and the demo). Every write goes through `CatalogService`.
 */
export function registerCatalogRoutes(app: FastifyInstance, catalog: CatalogService): void {
  for (const collection of catalogCollectionNames) {
    registerCatalogCollectionRoutes(app, catalog, collection);
  }
  const tags = ['catalog'];
  const read = { roles: anyRole };
  const write = { roles: catalogWriterRoles };
  app.get(
    '/api/v1/catalog/contact-policy',
    { config: read, schema: { tags, response: { 200: ContactPolicyBody, ...authErrorResponses } } },
    () => catalog.snapshot().contactPolicy,
  );
  app.put<{ Body: ContactPolicyBody }>(
    '/api/v1/catalog/contact-policy',
    {
      config: write,
      schema: {
        tags,
        body: ContactPolicyBody,
        response: { 200: ContactPolicyBody, ...errorResponses(400, 409), ...authErrorResponses },
      },
    },
    (request, reply) => {
      const savedBy = request.apiKey?.id;
      const result = catalog.replaceContactPolicy(request.body, { ...(savedBy && { savedBy }) });
      sendWriteResult(reply, result, (policy) => reply.send(policy));
    },
  );
  app.get(
    '/api/v1/catalog',
    {
      config: read,
      schema: { tags, response: { 200: CatalogSnapshotBody, ...authErrorResponses } },
    },
    (): CatalogSnapshotBody => ({
      version: catalog.version(),
      snapshot: catalog.snapshot(),
    }),
  );
  app.put<{ Body: CatalogSnapshot }>(
    '/api/v1/catalog',
    {
      config: write,
      schema: {
        tags,
        body: CatalogSnapshot,
        response: { 200: CatalogSnapshotBody, ...errorResponses(400, 409), ...authErrorResponses },
      },
    },
    (request, reply) => {
      const savedBy = request.apiKey?.id;
      const result = catalog.replaceSnapshot(request.body, { ...(savedBy && { savedBy }) });
      sendWriteResult(reply, result, (snapshot) =>
        reply.send({ version: catalog.version(), snapshot }),
      );
    },
  );
}
