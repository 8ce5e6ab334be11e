import { runCli } from './program';

/**
 * The `omnitouch` entry: the only place the CLI reads `process.env`, argv and signals. Run it with
 * tsx (`bin/omnitouch.js` does); `npm start` runs `omnitouch demo`.
 */
process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
  // Listening only when a server command waits: elsewhere Ctrl-C keeps its default (exit now).
  waitForShutdown: () =>
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
});
// A server command has closed its server; if a stray handle still holds the loop, leave anyway.
setTimeout(() => process.exit(), 2000).unref();
