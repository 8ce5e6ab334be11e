import type { FastifyRequest } from 'fastify';
import { stdSerializers, type LoggerOptions } from 'pino';

/**
 * Fields that carry customer identifiers, phone numbers or secrets, wherever they are logged
 * (`event.customerId`, `body.events[0].msisdn`…). Secrets are replaced whole; identifiers masked.
 */
const identifierFields = ['customerId', 'userId', 'anonymousId', 'msisdn', 'phone', 'phoneNumber'];
const secretFields = ['secret', 'apiKey', 'password', 'bootstrapAdminKey', 'authorization'];

function redactPaths(): string[] {
  const fields = [...identifierFields, ...secretFields];
  const prefixes = ['', '*.', '*.*.', '*.*.*.'];
  return [
    'req.headers.authorization',
    'req.headers["x-api-key"]',
    ...prefixes.flatMap((prefix) => fields.map((field) => `${prefix}${field}`)),
  ];
}

/**
 * Masks digit runs that look like phone numbers (7+ digits): 11+ digits keep the first 3 and last 4,
 * as Chinese operators print them (13812345678 → 138****5678); shorter runs keep the last 4.
 */
export function maskPhoneNumbers(text: string): string {
  return text.replace(/\d{7,}/g, (digits) =>
    digits.length >= 11
      ? `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`
      : `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`,
  );
}

/**
 * Masks a customer identifier for logs: phone-number-like ids as `maskPhoneNumbers` does, other ids
 * keep only their last 4 characters (enough to tell two customers apart in one trace).
 */
export function maskIdentifier(value: unknown): unknown {
  if (typeof value === 'number') {
    return maskIdentifier(String(value));
  }
  if (typeof value !== 'string') {
    return value;
  }
  if (/^\+?\d{7,}$/.test(value)) {
    return maskPhoneNumbers(value);
  }
  return value.length <= 4 ? '****' : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

function censor(value: unknown, path: string[]): unknown {
  const field = (path[path.length - 1] ?? '').toLowerCase();
  const isSecret =
    field === 'x-api-key' || secretFields.some((name) => name.toLowerCase() === field);
  return isSecret ? '[redacted]' : maskIdentifier(value);
}

/**
 * pino options for the server (passed to Fastify as `logger`): the level from the config, API keys
 * and secrets redacted, customer identifiers and phone numbers masked — also in logged URLs.
 */
export function createLoggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths(), censor },
    serializers: {
      err: stdSerializers.err,
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: maskPhoneNumbers(request.url),
        remoteAddress: request.ip,
      }),
    },
  };
}
