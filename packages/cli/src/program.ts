import { Command, CommanderError } from 'commander';
import { CliError, type CliIo } from './cli-io';
import { createDemoCommand } from './commands/demo';
import { createImportCommand } from './commands/import';
import { createKeysCommand } from './commands/keys';
import { createReplayCommand } from './commands/replay';
import { createServeCommand } from './commands/serve';

/** The `omnitouch` command tree; output goes through `io`, and errors come back instead of exiting. */
export function createProgram(io: CliIo): Command {
  const program = new Command('omnitouch')
    .description('Omnitouch — full-touchpoint real-time marketing: events in, offers out')
    .version('0.1.0');
  for (const command of [
    createServeCommand(io),
    createDemoCommand(io),
    createImportCommand(io),
    createReplayCommand(io),
    createKeysCommand(io),
  ]) {
    program.addCommand(command);
  }
  const output = {
    writeOut: (text: string) => io.out(text.trimEnd()),
    writeErr: (text: string) => io.err(text.trimEnd()),
  };
  // Every (sub)command: print through io and throw instead of calling process.exit, so tests see it.
  const configure = (command: Command) => {
    command.configureOutput(output).exitOverride();
    command.commands.forEach(configure);
  };
  configure(program);
  return program;
}

/**
 * Runs the CLI on `argv` (without the node and script entries) and answers the exit code: 0 on
 * success and for `--help`/`--version`, 2 for usage errors, 1 for failures (printed in one line).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await createProgram(io).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2; // commander already printed the usage problem
    }
    if (error instanceof CliError) {
      io.err(`omnitouch: ${error.message}`);
      return error.exitCode;
    }
    io.err(`omnitouch: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
