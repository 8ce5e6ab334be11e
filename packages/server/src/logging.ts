import type { FastifyBaseLogger, FastifyRequest, FastifyServerOptions } from 'fastify';
import { stdSerializers, type Bindings, type ChildLoggerOptions, type LoggerOptions } from 'pino';

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

type LogLevelName = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** A parent logger that can say whether a level is on (pino's `Logger`). */
type LevelAwareLogger = FastifyBaseLogger & { isLevelEnabled(level: string): boolean };

function isLevelAware(logger: FastifyBaseLogger): logger is LevelAwareLogger {
  return typeof (logger as Partial<LevelAwareLogger>).isLevelEnabled === 'function';
}

/**
 * A request's logger that creates its pino child (binding `reqId`, which runs the redaction of
 * every binding) only when something is logged at an enabled level: at LOG_LEVEL=warn most requests
 * log nothing, and creating a child per request was several percent of the server's CPU.
 */
class DeferredChildLogger implements FastifyBaseLogger {
  #child: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: LevelAwareLogger,
    private readonly bindings: Bindings,
    private readonly options: ChildLoggerOptions,
  ) {}

  get level(): string {
    return this.#child?.level ?? this.parent.level;
  }

  set level(level: string) {
    this.#resolve().level = level;
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.#resolve().child(bindings, options);
  }

  #resolve(): FastifyBaseLogger {
    this.#child ??= this.parent.child(this.bindings, this.options);
    return this.#child;
  }

  fatal(...args: unknown[]): void {
    this.#log('fatal', args);
  }
  error(...args: unknown[]): void {
    this.#log('error', args);
  }
  warn(...args: unknown[]): void {
    this.#log('warn', args);
  }
  info(...args: unknown[]): void {
    this.#log('info', args);
  }
  debug(...args: unknown[]): void {
    this.#log('debug', args);
  }
  trace(...args: unknown[]): void {
    this.#log('trace', args);
  }
  silent(): void {}

  #log(level: LogLevelName, args: unknown[]): void {
    if (this.#child === undefined && !this.parent.isLevelEnabled(level)) {
      return;
    }
    const child = this.#resolve();
    child[level](...(args as [unknown]));
  }
}

/**
 * Fastify's `childLoggerFactory` for the server: request loggers are `DeferredChildLogger`s, so a
 * request that logs nothing costs no child logger. Routes with their own level or serializers (and
 * loggers that cannot tell their level) get an ordinary child at once.
 */
export const deferredChildLoggerFactory: NonNullable<FastifyServerOptions['childLoggerFactory']> = (
  logger,
  bindings,
  options,
) => {
  if (!isLevelAware(logger) || options.level !== undefined || options.serializers !== undefined) {
    return logger.child(bindings, options);
  }
  return new DeferredChildLogger(logger, bindings, options);
};
