import type { FastifyRequest } from 'fastify';

/**
 * The API key a request presents, from `Authorization: Bearer <key>`, `X-Api-Key: <key>`, or HTTP
 * Basic with the key as the user name (what Segment's libraries send for a write key; the password
 * is used when the user name is empty). Undefined when the request presents none.
 */
export function readApiKeyCredential(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  if (fromHeader !== undefined && fromHeader !== '') {
    return fromHeader;
  }
  const authorization = request.headers.authorization;
  if (authorization === undefined) {
    return undefined;
  }
  const [scheme = '', value = ''] = authorization.trim().split(/\s+/, 2);
  switch (scheme.toLowerCase()) {
    case 'bearer':
      return value === '' ? undefined : value;
    case 'basic':
      return readBasicCredential(value);
    default:
      return undefined;
  }
}

function readBasicCredential(encoded: string): string | undefined {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon === -1 ? decoded : decoded.slice(0, colon);
  const password = colon === -1 ? '' : decoded.slice(colon + 1);
  const key = user !== '' ? user : password;
  return key === '' ? undefined : key;
}
