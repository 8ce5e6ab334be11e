import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/** A server the bench started in its own process, listening at `url`. */
export interface BenchChild {
  readonly url: string;
  readonly pid: number;
  /** The last lines it printed (stdout and stderr), for failure reports. */
  tail(): string;
  /** SIGTERM (graceful: a CPU profile is written), SIGKILL after `graceMs`. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
}

export interface BenchChildOptions {
  /** Script run with `node --max-semi-space-size=64 --import tsx <script>`. */
  readonly script: string;
  readonly env: Readonly<Record<string, string>>;
  /** Matches the line that announces the listening URL; group 1 is the URL. */
  readonly readyPattern: RegExp;
  readonly startTimeoutMs?: number;
  /** Directory for `--cpu-prof` output; no profiling when absent. */
  readonly cpuProfileDir?: string;
}

const tailLines = 40;
const running = new Set<ChildProcess>();

// Whatever way the bench ends (an exception, Ctrl-C), no server it started outlives it.
process.on('exit', () => running.forEach((child) => child.kill('SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    running.forEach((child) => child.kill('SIGKILL'));
    process.exit(130);
  });
}

/**
 * Starts `script` in a child Node process (the same young-generation size as `npm run bench`) and
 * resolves once it printed its URL; rejects with its last output if it exits or stays silent first.
 */
export async function startBenchChild(options: BenchChildOptions): Promise<BenchChild> {
  const profile =
    options.cpuProfileDir === undefined
      ? []
      : ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`];
  // Diagnostics for a slow run: BENCH_SERVER_NODE_FLAGS="--trace-gc" adds Node flags to the
  // server, BENCH_SERVER_OUTPUT=<file> keeps everything it prints.
  const extraFlags = (process.env['BENCH_SERVER_NODE_FLAGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=64', ...extraFlags, ...profile, '--import', 'tsx', options.script],
    { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  const lines: string[] = [];
  const remember = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - tailLines));
  };
  child.stdout.on('data', remember);
  child.stderr.on('data', remember);
  const outputFile = process.env['BENCH_SERVER_OUTPUT'];
  if (outputFile !== undefined) {
    const output = createWriteStream(outputFile, { flags: 'a' });
    child.stdout.pipe(output);
    child.stderr.pipe(output);
  }
  const exited = once(child, 'exit').then(() => running.delete(child));
  const tail = () => lines.join('\n');
  const url = await waitForUrl(child, options, tail);
  let stopping: Promise<void> | undefined;
  return {
    url,
    pid: child.pid ?? -1,
    tail,
    stop: (graceMs = 15_000) =>
      (stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) {
          return;
        }
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      })()),
  };
}

function waitForUrl(
  child: ChildProcess,
  options: BenchChildOptions,
  tail: () => string,
): Promise<string> {
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${options.script} ${why}; its last output:\n${tail()}`));
    };
    const timer = setTimeout(() => fail(`printed no URL within ${timeoutMs} ms`), timeoutMs);
    const onExit = (code: number | null) => fail(`exited (${String(code)}) before listening`);
    child.once('exit', onExit);
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const match = options.readyPattern.exec(buffered);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        child.off('exit', onExit);
        child.stdout?.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
  });
}
