import type { FastifyInstance } from 'fastify';
import { Kind, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/**
 * Query strings and path parameters arrive as text; before validation, convert them to the types
 * their TypeBox schema declares (`?limit=10` → 10), so AJV can stay non-coercing for JSON bodies.
 * Values that do not convert are left as they are, and validation reports them.
 */
export function coerceQueryAndParams(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const schema = request.routeOptions.schema;
    if (isTypeBoxSchema(schema?.querystring) && request.query !== undefined) {
      request.query = Value.Convert(schema.querystring, request.query);
    }
    if (isTypeBoxSchema(schema?.params) && request.params !== undefined) {
      request.params = Value.Convert(schema.params, request.params);
    }
    done();
  });
}

function isTypeBoxSchema(schema: unknown): schema is TSchema {
  return typeof schema === 'object' && schema !== null && Kind in schema;
}
