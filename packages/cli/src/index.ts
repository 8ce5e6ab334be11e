export { createProgram, runCli } from './program';
export { CliError, type CliIo } from './cli-io';
export { planReplay, type ReplayPlan, type TimedEvent } from './commands/replay-timing';
