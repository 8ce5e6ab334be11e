import { Command, InvalidArgumentError } from 'commander';
// In-process server: see serve.ts for why the CLI depends on @omnitouch/server here.
import { createLoggerOptions, startDemo, startServer, type RunningDemo } from '@omnitouch/server';
import type { CliIo } from '../cli-io';
import { loadServerConfig, type ServerOptions } from './server-config';
import { withServerOptions } from './serve';

interface DemoCommandOptions extends ServerOptions {
  customers: number;
  rate: number;
}

/**
 * `omnitouch demo` (and `npm start`): the server with the synthetic telecom operator loaded and a
 * live event generator, then a banner with the URL, an API key and curls that show a real decision.
 */
export function createDemoCommand(io: CliIo): Command {
  return withServerOptions(new Command('demo'))
    .description('start the server with the synthetic telecom operator and live events')
    .option('--customers <n>', 'synthetic customers on first load', parseCount, 10_000)
    .option('--rate <n>', 'live events per second', parseCount, 100)
    .action(async (options: DemoCommandOptions) => {
      // Warnings only by default: the banner is the demo's interface, not a log stream.
      const config = loadServerConfig(io.env, options, {
        DEMO: 'true',
        LOG_LEVEL: io.env.LOG_LEVEL ?? 'warn',
      });
      let demo: RunningDemo | undefined;
      const server = await startServer(config, {
        logger: createLoggerOptions(config.logLevel),
        onStarted: async (started) => {
          demo = await startDemo(started, config, {
            customers: options.customers,
            eventsPerSecond: options.rate,
            print: (line) => io.out(line),
          });
        },
      });
      await io.waitForShutdown();
      io.out('Shutting down: stopping the event generator, draining in-flight work…');
      await demo?.stop();
      await server.close();
    });
}

function parseCount(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 1_000_000) {
    throw new InvalidArgumentError('must be a whole number from 1 to 1000000');
  }
  return number;
}
