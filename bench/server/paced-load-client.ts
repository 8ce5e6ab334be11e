/*
 * The load generator's own process (forked by `runPacedLoad`). It holds nothing but the request
 * bytes, built before the clock starts, and a Float64Array of latencies, so its collections are
 * short and rare; the bench process, whose heap holds the operator and hundreds of thousands of
 * generated events, can collect at will without delaying a send or a read.
 */
import { writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { watchMachineShare } from './machine-share';
import type { PacedLoadJob, PacedLoadResult, PacedLoadRun } from './paced-load';

// The bench that forked it is gone (an exception, Ctrl-C): stop too.
process.once('disconnect', () => process.exit(1));
process.once('message', (job: PacedLoadJob) => {
  void runJob(job).then(
    (result) => process.send?.({ result }, () => process.exit(0)),
    (error: unknown) => process.send?.({ error: String(error) }, () => process.exit(1)),
  );
});

async function runJob(job: PacedLoadJob): Promise<PacedLoadResult> {
  const target = new URL(job.path, job.url);
  const requests = job.bodies.map((body) => buildRequest(target, job.apiKey, body));
  const pool = createConnectionPool(target);
  await pool.open(job.connections);
  const warmUpCount = Math.round(job.ratePerSecond * job.warmUpSeconds);
  await runSchedule(pool, requests, job, Math.max(0, requests.length - warmUpCount), warmUpCount);
  const gc = observeGc();
  const cpuBefore = process.cpuUsage();
  const share = watchMachineShare([process.pid, process.ppid, ...job.ownPids]);
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  const timedCount = Math.round(job.ratePerSecond * job.durationSeconds);
  const sentAtMs = new Float64Array(timedCount);
  const run = await runSchedule(pool, requests, job, 0, timedCount, sentAtMs);
  loopDelay.disable();
  dumpLatencies(dumpFileOf(process.env['BENCH_LATENCY_DUMP'], job.label), sentAtMs, run);
  const cpu = process.cpuUsage(cpuBefore);
  const othersCores = share.stop();
  pool.close();
  return {
    ...run,
    client: {
      ...gc.stop(),
      loopDelayMaxMs: loopDelay.max / 1e6,
      connectionsOpened: pool.opened(),
      cpuMs: (cpu.user + cpu.system) / 1000,
      ...(othersCores !== undefined && { othersCores }),
    },
  };
}

/** One request's bytes: the same headers `node:http` would send, plus the JSON body. */
function buildRequest(target: URL, apiKey: string, body: string): Buffer {
  const payload = Buffer.from(body, 'utf8');
  const head =
    `POST ${target.pathname} HTTP/1.1\r\n` +
    `host: ${target.host}\r\n` +
    `content-type: application/json\r\n` +
    `content-length: ${payload.length}\r\n` +
    `authorization: Bearer ${apiKey}\r\n` +
    `connection: keep-alive\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), payload]);
}

/** What one answer carries back to the schedule: its status and its body (latin1, JSON is ASCII here). */
interface Answer {
  readonly status: number;
  readonly body: string;
}

/** A keep-alive connection carrying one request at a time (no pipelining), as a front-line client does. */
interface Connection {
  isOpen(): boolean;
  send(request: Buffer, onAnswer: (answer: Answer | Error) => void): void;
}

/** The most connections open at once, as the agent of the in-process client allowed before. */
const maxConnections = 256;

interface ConnectionPool {
  open(count: number): Promise<void>;
  /**
   * Sends on an idle connection, else on a new one (its connect time counts in the latency), else —
   * all `maxConnections` busy — as soon as one is free (the wait counts too).
   */
  request(request: Buffer, onAnswer: (answer: Answer | Error) => void): void;
  opened(): number;
  close(): void;
}

function createConnectionPool(target: URL): ConnectionPool {
  const idle: Connection[] = [];
  const waiting: { request: Buffer; onAnswer: (answer: Answer | Error) => void }[] = [];
  const sockets = new Set<Socket>();
  let opened = 0;
  const create = (): { connection: Connection; ready: Promise<void> } => {
    opened += 1;
    const socket = connect({ host: target.hostname, port: Number(target.port), noDelay: true });
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const ready = new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return { connection: createConnection(socket), ready };
  };
  const send = (
    connection: Connection,
    request: Buffer,
    onAnswer: (answer: Answer | Error) => void,
  ): void => {
    connection.send(request, (answer) => {
      if (!(answer instanceof Error)) {
        const next = waiting.shift();
        if (next === undefined) {
          idle.push(connection);
        } else {
          send(connection, next.request, next.onAnswer);
        }
      }
      onAnswer(answer);
    });
  };
  const takeIdle = (): Connection | undefined => {
    let connection = idle.pop();
    while (connection !== undefined && !connection.isOpen()) {
      connection = idle.pop();
    }
    return connection;
  };
  return {
    async open(count) {
      const created = Array.from({ length: count }, create);
      await Promise.all(created.map((c) => c.ready));
      idle.push(...created.map((c) => c.connection));
    },
    request(request, onAnswer) {
      const connection =
        takeIdle() ?? (sockets.size < maxConnections ? create().connection : undefined);
      if (connection === undefined) {
        waiting.push({ request, onAnswer });
      } else {
        send(connection, request, onAnswer);
      }
    },
    opened: () => opened,
    close: () => sockets.forEach((socket) => socket.destroy()),
  };
}

/**
 * Reads HTTP/1.1 answers with a `content-length` (every JSON answer of the server has one); a
 * chunked or `connection: close` answer is reported as an error rather than mis-timed.
 */
function createConnection(socket: Socket): Connection {
  let pending: ((answer: Answer | Error) => void) | undefined;
  let buffered: Buffer | undefined;
  const answer = (result: Answer | Error): void => {
    const callback = pending;
    pending = undefined;
    buffered = undefined;
    callback?.(result);
  };
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered === undefined ? chunk : Buffer.concat([buffered, chunk]);
    const parsed = parseAnswer(buffered);
    if (parsed !== undefined) {
      answer(parsed);
    }
  });
  socket.on('error', (error) => answer(error));
  socket.on('close', () => answer(new Error('the server closed the connection')));
  return {
    isOpen: () => !socket.destroyed,
    send(request, onAnswer) {
      pending = onAnswer;
      socket.write(request);
    },
  };
}

/** The answer once `buffer` holds all of it, undefined while more bytes are due. */
function parseAnswer(buffer: Buffer): Answer | Error | undefined {
  const headEnd = buffer.indexOf('\r\n\r\n');
  if (headEnd < 0) {
    return undefined;
  }
  const head = buffer.toString('latin1', 0, headEnd).toLowerCase();
  const length = /\r\ncontent-length: *(\d+)/.exec(head)?.[1];
  if (length === undefined || /\r\nconnection: *close/.test(head)) {
    return new Error(`unsupported answer framing: ${head.split('\r\n')[0] ?? ''}`);
  }
  const bodyStart = headEnd + 4;
  const bodyEnd = bodyStart + Number(length);
  if (buffer.length < bodyEnd) {
    return undefined;
  }
  if (buffer.length > bodyEnd) {
    return new Error('more bytes than one answer on a connection without pipelining');
  }
  return {
    status: Number(head.slice(9, 12)),
    body: buffer.toString('latin1', bodyStart, bodyEnd),
  };
}

/**
 * Sends `count` requests (cycling through `requests` from `first`) evenly spaced at the job's rate
 * and times each from its SCHEDULED send time to its last byte read: a late timer or a pause of
 * this process is charged to the figure, never hidden (no coordinated omission).
 */
function runSchedule(
  pool: ConnectionPool,
  requests: readonly Buffer[],
  job: PacedLoadJob,
  first: number,
  count: number,
  sentAtMs?: Float64Array,
): Promise<PacedLoadRun> {
  const latenciesMs = new Float64Array(count);
  const numbers: number[] = [];
  const tally = { ok: 0, failed: 0, done: 0, sent: 0, containing: 0, maxSendLagMs: 0 };
  const intervalMs = 1000 / job.ratePerSecond;
  const start = performance.now();
  return new Promise((resolve) => {
    const settle = (): void => {
      tally.done += 1;
      if (tally.done === count) {
        const durationSeconds = (performance.now() - start) / 1000;
        resolve({
          latenciesMs: Array.from(latenciesMs.subarray(0, tally.ok)),
          ok: tally.ok,
          failed: tally.failed,
          okPerSecond: tally.ok / durationSeconds,
          durationSeconds,
          numbers,
          containing: tally.containing,
          maxSendLagMs: tally.maxSendLagMs,
        });
      }
    };
    const send = (index: number, scheduledAt: number): void => {
      const request = requests[(first + index) % requests.length] as Buffer;
      tally.maxSendLagMs = Math.max(tally.maxSendLagMs, performance.now() - scheduledAt);
      pool.request(request, (answer) => {
        const latencyMs = performance.now() - scheduledAt;
        if (answer instanceof Error || answer.status < 200 || answer.status >= 300) {
          tally.failed += 1;
        } else {
          latenciesMs[tally.ok] = latencyMs;
          if (sentAtMs !== undefined) {
            sentAtMs[tally.ok] = scheduledAt - start;
          }
          tally.ok += 1;
          readAnswer(answer.body, job, numbers, tally);
        }
        settle();
      });
    };
    const tick = (): void => {
      const now = performance.now();
      while (tally.sent < count && start + tally.sent * intervalMs <= now) {
        send(tally.sent, start + tally.sent * intervalMs);
        tally.sent += 1;
      }
      if (tally.sent < count) {
        setTimeout(tick, Math.max(0, start + tally.sent * intervalMs - performance.now()));
      }
    };
    tick();
  });
}

/**
 * `BENCH_LATENCY_DUMP=<file>` writes each answered request of the timed schedule as
 * "scheduled ms since start<TAB>latency ms": plotted, it shows whether slow answers come alone or
 * in clusters, and at what period (how the 500 ms DAMON stalls of docs/decisions/0006 were found).
 * A job with a `label` writes `<file>.<label>`: the decide bench's two runs would otherwise
 * overwrite each other, and the file left would be the bare peer's.
 */
function dumpLatencies(file: string | undefined, sentAtMs: Float64Array, run: PacedLoadRun): void {
  if (file === undefined || file === '') {
    return;
  }
  const lines = run.latenciesMs.map(
    (latencyMs, at) => `${(sentAtMs[at] ?? 0).toFixed(1)}\t${latencyMs.toFixed(3)}`,
  );
  writeFileSync(file, `${lines.join('\n')}\n`);
}

function dumpFileOf(file: string | undefined, label: string | undefined): string | undefined {
  return file === undefined || file === '' || label === undefined ? file : `${file}.${label}`;
}

/** Picks the job's numeric field and marker from an answer without parsing it (after its timing). */
function readAnswer(
  body: string,
  job: PacedLoadJob,
  numbers: number[],
  tally: { containing: number },
): void {
  if (job.numberField !== undefined) {
    const key = `"${job.numberField}":`;
    const at = body.lastIndexOf(key);
    if (at >= 0) {
      numbers.push(Number.parseFloat(body.slice(at + key.length, at + key.length + 24)));
    }
  }
  if (job.marker !== undefined && body.includes(job.marker)) {
    tally.containing += 1;
  }
}

/** This process's collection pauses while the timed schedule runs. */
function observeGc(): { stop(): { gcPauses: number; gcTotalMs: number; gcMaxMs: number } } {
  const seen = { gcPauses: 0, gcTotalMs: 0, gcMaxMs: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      seen.gcPauses += 1;
      seen.gcTotalMs += entry.duration;
      seen.gcMaxMs = Math.max(seen.gcMaxMs, entry.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop() {
      observer.disconnect();
      return seen;
    },
  };
}
