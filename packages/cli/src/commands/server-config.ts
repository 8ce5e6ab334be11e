import { loadConfig, type Config } from '@omnitouch/server';
import { CliError } from '../cli-io';

/** `--port`, `--host`, `--data-dir`: override the environment's PORT, HOST, DATA_DIR. */
export interface ServerOptions {
  port?: string;
  host?: string;
  dataDir?: string;
}

/**
 * The server's configuration from the environment (one schema, `loadConfig`) with the command-line
 * overrides applied as if they were variables, so they are validated the same way.
 */
export function loadServerConfig(
  env: Readonly<Record<string, string | undefined>>,
  options: ServerOptions,
  extra: Readonly<Record<string, string>> = {},
): Config {
  const loaded = loadConfig({
    ...env,
    ...extra,
    ...(options.port !== undefined && { PORT: options.port }),
    ...(options.host !== undefined && { HOST: options.host }),
    ...(options.dataDir !== undefined && { DATA_DIR: options.dataDir }),
  });
  if (!loaded.ok) {
    const issues = loaded.issues.map((issue) => `\n  ${issue.field}: ${issue.reason}`).join('');
    throw new CliError(`Omnitouch cannot start; fix the configuration:${issues}`);
  }
  return loaded.value;
}
