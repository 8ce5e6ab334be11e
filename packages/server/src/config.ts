import { join } from 'node:path';
import { checkSchema, type FieldIssue, type Validated } from '@omnitouch/core';
import {
  ConfigEnvironment,
  listConfigVariables,
  reservedConfigVariables,
  type ConfigVariableSchema,
} from './config-variables';

/** The server's configuration, read once from the environment by `loadConfig`. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** `<dataDir>/omnitouch.db`. */
  readonly databaseFile: string;
  readonly logLevel: ConfigEnvironment['LOG_LEVEL'];
  readonly groupCommitMs: number;
  readonly maxBodyBytes: number;
  /** 0 = unlimited. */
  readonly rateLimitPerMinute: number;
  readonly demo: boolean;
  readonly bootstrapAdminKey?: string;
}

/**
 * Reads the configuration from `env` (pass `process.env` once, from main.ts). Pure: never reads or
 * writes the process. Lists EVERY issue, each `field` the variable's name; empty strings count as unset.
 */
export function loadConfig(env: Record<string, string | undefined>): Validated<Config> {
  const raw: Record<string, unknown> = {};
  for (const [name, schema] of listConfigVariables()) {
    const value = env[name];
    if (value !== undefined && value !== '') {
      raw[name] = convertValue(value, schema);
    } else if (schema.default !== undefined) {
      raw[name] = schema.default;
    }
  }
  const checked = checkSchema(ConfigEnvironment, raw);
  const issues: FieldIssue[] = checked.ok ? [] : checked.issues.map(toVariableIssue);
  for (const name of reservedConfigVariables) {
    if (raw[name] !== undefined) {
      issues.push({ field: name, reason: 'not yet supported: unset it to use the embedded setup' });
    }
  }
  if (!checked.ok || issues.length > 0) {
    return { ok: false, issues };
  }
  return { ok: true, value: toConfig(checked.value) };
}

/** A copy of `config` safe to log: secrets replaced by `[redacted]`. */
export function redactConfig(config: Config): Config {
  return {
    ...config,
    ...(config.bootstrapAdminKey !== undefined && { bootstrapAdminKey: '[redacted]' }),
  };
}

/** One row of the README's configuration table. */
export interface ConfigVariableRow {
  readonly name: string;
  /** The default as written in the environment; `''` when the variable has none. */
  readonly default: string;
  readonly description: string;
}

/** Every variable with its default and description, in declaration order. */
export function describeConfig(): ConfigVariableRow[] {
  return listConfigVariables().map(([name, schema]) => ({
    name,
    default: schema.default === undefined ? '' : String(schema.default),
    description: schema.description,
  }));
}

function convertValue(value: string, schema: ConfigVariableSchema): unknown {
  const type: unknown = schema.type;
  if (type === 'integer' && /^-?\d+$/.test(value.trim())) {
    return Number(value.trim());
  }
  if (type === 'boolean') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true' || lower === '1') {
      return true;
    }
    if (lower === 'false' || lower === '0') {
      return false;
    }
  }
  return value;
}

function toVariableIssue(issue: FieldIssue): FieldIssue {
  // checkSchema reports JSON Pointers (`/PORT`); operators know variables by name.
  return { field: issue.field.replace(/^\//, ''), reason: issue.reason };
}

function toConfig(env: ConfigEnvironment): Config {
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    databaseFile: join(env.DATA_DIR, 'omnitouch.db'),
    logLevel: env.LOG_LEVEL,
    groupCommitMs: env.GROUP_COMMIT_MS,
    maxBodyBytes: env.MAX_BODY_BYTES,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    demo: env.DEMO,
    ...(env.BOOTSTRAP_ADMIN_KEY !== undefined && { bootstrapAdminKey: env.BOOTSTRAP_ADMIN_KEY }),
  };
}
