/**
 * Everything a command touches outside itself, passed in by `main.ts` (or a test): where it prints,
 * the environment it read once, and how it learns that the user wants it to stop.
 */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** `process.env`, read once in `main.ts`; commands never read it themselves. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Resolves when a long-running command (serve, demo) should shut down: SIGINT/SIGTERM. */
  waitForShutdown(): Promise<void>;
  /** How often progress lines are printed (ms); tests pass 0 for every update. */
  readonly progressIntervalMs?: number;
}

/** A failure to tell the user in one line, with the exit code to leave with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
