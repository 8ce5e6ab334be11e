/**
 * Every error code the HTTP API answers with. Stable kebab-case strings: they are API values, test
 * expectations and i18n keys at once, so never rename one; add new codes at the end of a group.
 */
export const errorCodes = [
  // 400
  'validation-failed',
  'invalid-json',
  'catalog-invalid',
  'bad-request',
  // 401 / 403
  'missing-api-key',
  'invalid-api-key',
  'forbidden',
  // 404 / 405
  'not-found',
  'route-not-found',
  // 409
  'catalog-version-conflict',
  // 413 / 415 / 429
  'payload-too-large',
  'unsupported-media-type',
  'rate-limited',
  // 5xx
  'not-ready',
  'internal-error',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** Whether `value` is one of the codes in {@link errorCodes}. */
export function isErrorCode(value: string): value is ErrorCode {
  return (errorCodes as readonly string[]).includes(value);
}
