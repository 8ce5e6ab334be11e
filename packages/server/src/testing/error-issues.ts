import type { LightMyRequestResponse } from 'fastify';
import type { ErrorBody } from '@omnitouch/contracts';

/**
 * The fields an error response names in `issues`, sorted: tests assert which fields were refused,
 * not the order the validator found them in. Empty when the body has no issues.
 */
export function issueFields(response: LightMyRequestResponse): string[] {
  return (response.json<ErrorBody>().issues ?? []).map((issue) => issue.field).sort();
}
