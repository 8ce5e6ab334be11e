import { fork } from 'node:child_process';
import { join } from 'node:path';

/** An open-loop load: requests leave on a fixed schedule whatever the answers do. */
export interface PacedLoadOptions {
  readonly url: string;
  readonly path: string;
  readonly apiKey: string;
  readonly ratePerSecond: number;
  /** Length of the timed schedule; it sends from the first body on, cycling. */
  readonly durationSeconds: number;
  /** A schedule at the same rate first, untimed, on the LAST bodies (so the timed one starts fresh). */
  readonly warmUpSeconds: number;
  /** The JSON bodies to POST, serialised already. */
  readonly bodies: readonly string[];
  /** Keep-alive connections opened before the clock starts (more are opened if all are busy). */
  readonly connections?: number;
  /** A numeric field read from each 2xx answer (without parsing it), e.g. the server's `latencyMs`. */
  readonly numberField?: string;
  /** Counts the 2xx answers whose body contains this text. */
  readonly marker?: string;
  /** The server's processes: their CPU is ours, not other processes' (see `othersCores`). */
  readonly ownPids?: readonly number[];
  /** Names this run's `BENCH_LATENCY_DUMP` file (`<file>.<label>`), so two runs keep both dumps. */
  readonly label?: string;
}

/** What the load process is sent (the options without defaults). */
export interface PacedLoadJob extends PacedLoadOptions {
  readonly connections: number;
  readonly ownPids: readonly number[];
}

/** One schedule's answers. */
export interface PacedLoadRun {
  /** Per answered request: answer read − the request's SCHEDULED send time, ms. */
  readonly latenciesMs: readonly number[];
  readonly ok: number;
  readonly failed: number;
  readonly okPerSecond: number;
  readonly durationSeconds: number;
  /** `numberField` of each 2xx answer that had it. */
  readonly numbers: readonly number[];
  /** 2xx answers containing `marker`. */
  readonly containing: number;
  /** Largest delay between a request's scheduled time and its write: the client's own lateness. */
  readonly maxSendLagMs: number;
}

/** The timed schedule and how the load process itself fared during it. */
export interface PacedLoadResult extends PacedLoadRun {
  readonly client: {
    readonly gcPauses: number;
    readonly gcTotalMs: number;
    readonly gcMaxMs: number;
    readonly loopDelayMaxMs: number;
    readonly connectionsOpened: number;
    /** CPU time the load process used during the timed schedule (all its threads). */
    readonly cpuMs: number;
    /**
     * CPU other processes than the server, the bench and the load process used during the timed
     * schedule, in cores (Linux only): above ~0.1 the server waited for a core and the figure
     * says more about the machine than about the server.
     */
    readonly othersCores?: number;
  };
}

const clientScript = join(import.meta.dirname, 'paced-load-client.ts');

/**
 * Sends `ratePerSecond` requests evenly spaced (one every 1 ms at 1,000/s) over keep-alive
 * connections, from a separate, lean process (`paced-load-client.ts`). autocannon's `overallRate`
 * releases each period's quota in a burst, so at a fixed rate it measures its own queueing rather
 * than the server's answer time; an evenly paced schedule is what "1,000 requests/s" means. Latency
 * counts from the scheduled time, so any lateness of the load process (timers, GC) is charged to
 * the server, not hidden (no coordinated omission) — which is why that process must not be the
 * bench's own: there, collections of the bench's large heap (400,000 generated events) paused
 * sends and reads by up to 157 ms at full size, and `node:http` plus a `JSON.parse` per answer
 * cost twice the CPU per request (~300 µs against ~150 µs), taken from the server on a 2-core
 * machine — delays no real front-line client would add. The server, the requests and what is
 * timed are unchanged: the same bytes arrive, and each answer is read to its last byte.
 */
export function runPacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const job: PacedLoadJob = { connections: 16, ownPids: [], ...options };
  const child = fork(clientScript, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    child.once('message', (message: { result?: PacedLoadResult; error?: string }) => {
      settled = true;
      if (message.result !== undefined) {
        resolve(message.result);
      } else {
        reject(new Error(`the load process failed: ${message.error ?? 'no result'}`));
      }
    });
    child.once('exit', (code) => {
      if (!settled) {
        reject(new Error(`the load process exited (${String(code)}) without a result`));
      }
    });
    child.send(job);
  });
}
