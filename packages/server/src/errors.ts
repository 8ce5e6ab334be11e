import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import {
  errorMessages,
  type ErrorBody,
  type ErrorCode,
  type ErrorIssue,
} from '@omnitouch/contracts';
import { toValidationIssues, type SchemaValidationError } from './validation-issues';

/** The ONE place that maps error codes to HTTP statuses (style.md §4). */
export const errorStatus: Readonly<Record<ErrorCode, number>> = {
  'validation-failed': 400,
  'invalid-json': 400,
  'catalog-invalid': 400,
  'bad-request': 400,
  'missing-api-key': 401,
  'invalid-api-key': 401,
  forbidden: 403,
  'not-found': 404,
  'route-not-found': 404,
  'catalog-version-conflict': 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
  'internal-error': 500,
  'not-ready': 503,
};

/**
 * An expected failure raised in a hook (auth, rate limit) where there is no handler to return a
 * value: the error handler answers it as `errorBody(code, issues)`.
 */
export class ApiError extends Error {
  readonly statusCode: number;
  constructor(
    readonly errorCode: ErrorCode,
    readonly issues?: readonly ErrorIssue[],
  ) {
    super(errorMessages[errorCode].en);
    this.name = 'ApiError';
    this.statusCode = errorStatus[errorCode];
  }
}

/** The body of every error answer: the code, its bilingual message and the failing fields if any. */
export function errorBody(code: ErrorCode, issues?: readonly ErrorIssue[]): ErrorBody {
  return {
    error: code,
    message: errorMessages[code],
    ...(issues !== undefined && issues.length > 0 && { issues: [...issues] }),
  };
}

/** Answers `code` with its status and body; route handlers `return sendError(reply, …)`. */
export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  issues?: readonly ErrorIssue[],
): FastifyReply {
  return reply.status(errorStatus[code]).send(errorBody(code, issues));
}

/** Fastify's error handler: every thrown or framework error becomes an `ErrorBody`. */
export function handleError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const { code, issues } = classifyError(error);
  if (errorStatus[code] >= 500) {
    request.log.error({ err: error }, 'request failed');
  }
  return sendError(reply, code, issues);
}

/** Fastify's not-found handler. */
export function handleNotFound(_request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendError(reply, 'route-not-found');
}

function classifyError(error: FastifyError): { code: ErrorCode; issues?: ErrorIssue[] } {
  if (error instanceof ApiError) {
    return { code: error.errorCode, ...(error.issues && { issues: [...error.issues] }) };
  }
  if (error.validation !== undefined) {
    const errors = error.validation as unknown as SchemaValidationError[];
    return {
      code: 'validation-failed',
      issues: toValidationIssues(errors, error.validationContext),
    };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload-too-large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'unsupported-media-type' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'invalid-json' };
    default:
      break;
  }
  // JSON.parse's SyntaxError, marked 400 by Fastify's JSON parser.
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return { code: 'invalid-json' };
  }
  const status = error.statusCode ?? 500;
  if (status === 413) {
    return { code: 'payload-too-large' };
  }
  if (status === 415) {
    return { code: 'unsupported-media-type' };
  }
  return { code: status >= 400 && status < 500 ? 'bad-request' : 'internal-error' };
}
