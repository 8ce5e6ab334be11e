import { Type, type Static, type TSchema } from '@sinclair/typebox';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every environment variable the server reads, with a one-line `description` and a `default` that
 * gives the embedded setup (SQLite under ./data, in-process event log). `secret: true` marks values
 * `redactConfig` hides. The README's configuration table is generated from this schema.
 */
export const ConfigEnvironment = Type.Object({
  PORT: Type.Integer({
    minimum: 0,
    maximum: 65535,
    default: 8080,
    description: 'TCP port the HTTP server listens on.',
  }),
  HOST: Type.String({
    minLength: 1,
    default: '127.0.0.1',
    description: 'Interface to listen on; 0.0.0.0 accepts connections from other machines.',
  }),
  DATA_DIR: Type.String({
    minLength: 1,
    default: './data',
    description:
      'Directory of the embedded SQLite database file (omnitouch.db), created if missing.',
  }),
  LOG_LEVEL: Type.Union(
    logLevels.map((level) => Type.Literal(level)),
    { default: 'info', description: `Log level: ${logLevels.join(', ')}.` },
  ),
  GROUP_COMMIT_MS: Type.Integer({
    minimum: 0,
    maximum: 1000,
    default: 0,
    description:
      'Longest wait to group event writes into one durable commit (ms); 0: commit at the end of the current event-loop turn (measured fastest).',
  }),
  MAX_BODY_BYTES: Type.Integer({
    minimum: 1024,
    maximum: 104_857_600,
    default: 1_048_576,
    description: 'Largest accepted request body (bytes); larger ones get 413.',
  }),
  RATE_LIMIT_PER_MINUTE: Type.Integer({
    minimum: 0,
    default: 600_000,
    description: 'Requests per minute allowed per API key; 0 turns rate limiting off.',
  }),
  DEMO: Type.Boolean({
    default: false,
    description: 'true loads the synthetic telecom operator and streams live demo events.',
  }),
  BOOTSTRAP_ADMIN_KEY: Type.Optional(
    Type.String({
      minLength: 20,
      secret: true,
      description:
        'An admin API key accepted while set (at least 20 characters); unset: one is created and printed on first start.',
    }),
  ),
  DATABASE_URL: Type.Optional(
    Type.String({
      minLength: 1,
      secret: true,
      description: 'Reserved for scale-out on PostgreSQL (postgres://…); not yet supported.',
    }),
  ),
  NATS_URL: Type.Optional(
    Type.String({
      minLength: 1,
      secret: true,
      description:
        'Reserved for the scale-out event log on NATS JetStream (nats://…); not yet supported.',
    }),
  ),
});
export type ConfigEnvironment = Static<typeof ConfigEnvironment>;

export type ConfigVariableName = keyof ConfigEnvironment;

/** The schema of one variable, with the annotations this package adds. */
export type ConfigVariableSchema = TSchema & {
  readonly description: string;
  readonly default?: string | number | boolean;
  readonly secret?: boolean;
};

/** The variables in declaration order, with their schemas. */
export function listConfigVariables(): [ConfigVariableName, ConfigVariableSchema][] {
  return Object.entries(ConfigEnvironment.properties) as [
    ConfigVariableName,
    ConfigVariableSchema,
  ][];
}

/** Variables accepted now but whose feature is not built yet: setting one is reported as an issue. */
export const reservedConfigVariables: readonly ConfigVariableName[] = ['DATABASE_URL', 'NATS_URL'];
