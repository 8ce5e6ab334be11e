import { Agent, request } from 'node:http';

/** An open-loop load: requests leave on a fixed schedule whatever the answers do. */
export interface PacedLoadOptions {
  readonly url: string;
  readonly path: string;
  readonly apiKey: string;
  readonly ratePerSecond: number;
  readonly durationSeconds: number;
  readonly nextBody: () => string;
  readonly onBody?: (status: number, body: string) => void;
}

export interface PacedLoadResult {
  /** Per answered request: answer read − the request's SCHEDULED send time, ms. */
  readonly latenciesMs: readonly number[];
  readonly ok: number;
  readonly failed: number;
  readonly okPerSecond: number;
  readonly durationSeconds: number;
}

/**
 * Sends `ratePerSecond` requests evenly spaced (one every 1 ms at 1,000/s) over keep-alive
 * connections. autocannon's `overallRate` releases each period's quota in a burst, so at a fixed
 * rate it measures its own queueing (20 requests landing at once) rather than the server's answer
 * time; an evenly paced schedule is what "1,000 requests/s" means. Latency counts from the
 * scheduled time, so any lateness of this process (timers, GC) is charged to us, not hidden
 * (no coordinated omission).
 */
export function runPacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(options.path, options.url);
  const total = Math.round(options.ratePerSecond * options.durationSeconds);
  const intervalMs = 1000 / options.ratePerSecond;
  const latenciesMs: number[] = [];
  const tally = { ok: 0, failed: 0, done: 0, sent: 0 };
  const start = performance.now();
  return new Promise((resolve) => {
    const settle = (): void => {
      tally.done += 1;
      if (tally.done === total) {
        agent.destroy();
        const durationSeconds = (performance.now() - start) / 1000;
        const okPerSecond = tally.ok / durationSeconds;
        resolve({ latenciesMs, ok: tally.ok, failed: tally.failed, okPerSecond, durationSeconds });
      }
    };
    const send = (scheduledAt: number): void => {
      const body = options.nextBody();
      const headers = {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        authorization: `Bearer ${options.apiKey}`,
      };
      const req = request(target, { method: 'POST', agent, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) {
            tally.ok += 1;
            latenciesMs.push(performance.now() - scheduledAt);
            options.onBody?.(status, text);
          } else {
            tally.failed += 1;
          }
          settle();
        });
      });
      req.on('error', () => {
        tally.failed += 1;
        settle();
      });
      req.end(body);
    };
    const tick = (): void => {
      const now = performance.now();
      while (tally.sent < total && start + tally.sent * intervalMs <= now) {
        send(start + tally.sent * intervalMs);
        tally.sent += 1;
      }
      if (tally.sent < total) {
        setTimeout(tick, Math.max(0, start + tally.sent * intervalMs - performance.now()));
      }
    };
    tick();
  });
}
