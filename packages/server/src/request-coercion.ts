import type { FastifyInstance, preValidationHookHandler } from 'fastify';
import { Kind, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/**
 * Query strings and path parameters arrive as text; before validation, convert them to the types
 * their TypeBox schema declares (`?limit=10` → 10), so AJV can stay non-coercing for JSON bodies.
 * Values that do not convert are left as they are, and validation reports them.
 */
export function coerceQueryAndParams(app: FastifyInstance): void {
  // Added per route, and only to routes with a query or params schema: most requests (events,
  // decide) then run no coercion hook at all.
  app.addHook('onRoute', (route) => {
    const { querystring, params } = route.schema ?? {};
    const query = isTypeBoxSchema(querystring) ? querystring : undefined;
    const path = isTypeBoxSchema(params) ? params : undefined;
    if (query === undefined && path === undefined) {
      return;
    }
    const coerce: preValidationHookHandler = (request, _reply, done) => {
      if (query !== undefined && hasFields(request.query)) {
        request.query = Value.Convert(query, request.query);
      }
      if (path !== undefined && hasFields(request.params)) {
        request.params = Value.Convert(path, request.params);
      }
      done();
    };
    const existing = route.preValidation;
    route.preValidation =
      existing === undefined
        ? [coerce]
        : [coerce, ...(Array.isArray(existing) ? existing : [existing])];
  });
}

/** Whether `value` is an object with at least one field (an empty query needs no converting). */
function hasFields(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  for (const _field in value) {
    return true;
  }
  return false;
}

function isTypeBoxSchema(schema: unknown): schema is TSchema {
  return typeof schema === 'object' && schema !== null && Kind in schema;
}
