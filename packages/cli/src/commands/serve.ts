import { Command } from 'commander';
// `serve` and `demo` start the server in this process, so the CLI depends on @omnitouch/server
// for these two commands only; every other command talks to a server over HTTP (contracts only).
import { createLoggerOptions, startServer } from '@omnitouch/server';
import type { CliIo } from '../cli-io';
import { loadServerConfig, type ServerOptions } from './server-config';

/** Adds the options every in-process server command shares. */
export function withServerOptions(command: Command): Command {
  return command
    .option('--port <port>', 'TCP port (default: $PORT or 8080; 0 picks a free one)')
    .option('--host <host>', 'interface to listen on (default: $HOST or 127.0.0.1)')
    .option('--data-dir <dir>', 'directory of the SQLite database (default: $DATA_DIR or ./data)');
}

/** `omnitouch serve`: the server on embedded SQLite, until Ctrl-C (graceful: drains in-flight work). */
export function createServeCommand(io: CliIo): Command {
  return withServerOptions(new Command('serve'))
    .description('start the Omnitouch server (embedded SQLite) in this process')
    .action(async (options: ServerOptions) => {
      const config = loadServerConfig(io.env, options);
      const server = await startServer(config, { logger: createLoggerOptions(config.logLevel) });
      if (server.createdAdminKey !== undefined) {
        io.out(`Created an admin API key (shown once, keep it safe):\n  ${server.createdAdminKey}`);
      }
      io.out(`Omnitouch listening on ${server.url} — API docs at ${server.url}/docs`);
      await io.waitForShutdown();
      io.out('Shutting down: draining in-flight work…');
      await server.close();
    });
}
