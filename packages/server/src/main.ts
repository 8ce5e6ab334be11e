import { startServer } from './composition/start-server';
import { loadConfig, redactConfig } from './config';
import { startDemo } from './demo/index';
import { createLoggerOptions } from './logging';

/** How long a graceful shutdown may take before the process exits anyway (ms). */
const shutdownTimeoutMs = 10_000;

/**
 * The process entry: the only place that reads `process.env`. Exits 1 listing every configuration
 * issue; otherwise starts the real server (`startServer`) and shuts it down gracefully on
 * SIGTERM/SIGINT (stop accepting, drain in-flight requests and delivery, close the database).
 */
async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error('Omnitouch cannot start; fix the environment:');
    for (const issue of loaded.issues) {
      console.error(`  ${issue.field}: ${issue.reason}`);
    }
    process.exit(1);
  }
  const config = loaded.value;
  const server = await startServer(config, {
    logger: createLoggerOptions(config.logLevel),
    // DEMO=true: load the synthetic operator and stream live events once the server is up.
    onStarted: config.demo
      ? (started) => startDemo(started, config, { print: console.log }).then(() => undefined)
      : undefined,
  });
  server.app.log.info({ config: redactConfig(config) }, 'configuration loaded');
  if (server.recovered > 0) {
    server.app.log.info(
      { recovered: server.recovered },
      'decided events acknowledged before a crash',
    );
  }
  if (server.createdAdminKey !== undefined) {
    // Printed, not logged: it is shown this once and must not end up in log storage.
    console.log(
      `\nCreated an admin API key (shown once, keep it safe):\n  ${server.createdAdminKey}\n`,
    );
  }
  console.log(`Omnitouch listening on ${server.url} — API docs at ${server.url}/docs`);

  let isShuttingDown = false;
  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (isShuttingDown) {
      process.exit(1); // a second signal: stop waiting
    }
    isShuttingDown = true;
    server.app.log.info({ signal }, 'shutting down: draining in-flight work');
    setTimeout(() => process.exit(1), shutdownTimeoutMs).unref();
    await server.close();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, (received) => void shutdown(received));
  }
}

await main();
