import { ErrorBody } from '@omnitouch/contracts';

/** `schema.response` entries documenting the error answers a route gives (all share `ErrorBody`). */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorBody> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBody]));
}

/** The errors every authenticated route may answer: 401 (no or bad key), 403 (role), 429 (rate). */
export const authErrorResponses = errorResponses(401, 403, 429);
