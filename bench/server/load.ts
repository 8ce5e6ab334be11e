import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';

/** One autocannon run: `connections` keep-alive connections, each sending `nextBody()` in turn. */
export interface LoadOptions {
  readonly url: string;
  readonly path: string;
  readonly apiKey?: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /** Requests per second over all connections (a fixed rate); as fast as possible when absent. */
  readonly overallRate?: number;
  /** A fresh JSON body per request (unique event ids). */
  readonly nextBody: () => string;
  /** Called with every answer's body (only when given: reading bodies costs the load process). */
  readonly onBody?: (status: number, body: string) => void;
}

/** What a run measured: autocannon's result plus each answer's latency, ms (sub-millisecond). */
export interface LoadResult {
  readonly result: AutocannonResult;
  readonly latenciesMs: readonly number[];
  readonly ok: number;
  readonly failed: number;
  /** Successful requests per second over the run. */
  readonly okPerSecond: number;
}

/**
 * Drives the server with autocannon from this process (a separate process from the server, as
 * the issue asks). Latencies are taken from autocannon's per-response `hrtime` durations, which keep
 * their fraction of a millisecond (its histogram rounds to whole milliseconds).
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const request: AutocannonRequest = {
    method: 'POST',
    path: options.path,
    headers: {
      'content-type': 'application/json',
      ...(options.apiKey !== undefined && { authorization: `Bearer ${options.apiKey}` }),
    },
    setupRequest: (req) => ({ ...req, body: options.nextBody() }),
    ...(options.onBody && { onResponse: (status, body) => options.onBody?.(status, body) }),
  };
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationSeconds,
        timeout: 30,
        requests: [request],
        ...(options.overallRate !== undefined && { overallRate: options.overallRate }),
      },
      (error, result) => {
        if (error !== null) {
          reject(error);
          return;
        }
        const ok = result['2xx'];
        const failed = result.non2xx + result.errors + result.timeouts;
        resolve({
          result,
          latenciesMs: Array.from(latencies.subarray(0, count)),
          ok,
          failed,
          okPerSecond: ok / result.duration,
        });
      },
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status < 200 || status >= 300) {
        return;
      }
      if (count === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[count++] = ms;
    });
  });
}

/** A one-line summary of the failures of a run (status codes other than 2xx, errors, timeouts). */
export function describeFailures(load: LoadResult): string {
  const codes = Object.entries(load.result.statusCodeStats)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, { count }]) => `${code}×${count}`);
  return [
    ...codes,
    ...(load.result.errors > 0 ? [`errors×${load.result.errors}`] : []),
    ...(load.result.timeouts > 0 ? [`timeouts×${load.result.timeouts}`] : []),
  ].join(', ');
}
