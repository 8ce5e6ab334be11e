import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchChild, type BenchChild } from './child-process';

/** The real Omnitouch server (`packages/server/src/main.ts`) in a child process, on a temp database. */
export interface BenchServer {
  readonly url: string;
  /** The admin key it accepts (admin may call every route). */
  readonly apiKey: string;
  readonly child: BenchChild;
  /** Graceful stop (the server drains, a CPU profile is written when asked), then the data is removed. */
  stop(): Promise<void>;
}

const mainScript = join(import.meta.dirname, '..', '..', 'packages', 'server', 'src', 'main.ts');

/**
 * Directory where the server child writes `--cpu-prof` profiles: set `BENCH_SERVER_CPU_PROF=<dir>`
 * to find out where a missed target's time goes.
 */
export function cpuProfileDir(): string | undefined {
  const dir = process.env['BENCH_SERVER_CPU_PROF'];
  return dir === undefined || dir === '' ? undefined : dir;
}

/**
 * Starts `main.ts` as an operator would, configured through the environment: a fresh temp
 * `DATA_DIR`, a free port (PORT=0), no rate limit (the bench is one key sending as fast as it can),
 * warnings only in the log. The default group-commit delay is kept: acknowledgement is durable.
 */
export async function startOmnitouchServer(): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'omnitouch-bench-'));
  const apiKey = `bench-admin-${process.pid}-${Date.now()}`;
  const profileDir = cpuProfileDir();
  try {
    const child = await startBenchChild({
      script: mainScript,
      env: {
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        BOOTSTRAP_ADMIN_KEY: apiKey,
        RATE_LIMIT_PER_MINUTE: '0',
        LOG_LEVEL: 'warn',
        DEMO: 'false',
        // The 1,000-case catalog is 1.4 MB of JSON, over the 1 MiB default; event bodies are ~30 KB.
        MAX_BODY_BYTES: String(32 * 1024 * 1024),
      },
      readyPattern: /Omnitouch listening on (http:\/\/[^\s]+)/,
      ...(profileDir !== undefined && { cpuProfileDir: profileDir }),
    });
    return {
      url: child.url,
      apiKey,
      child,
      stop: async () => {
        await child.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
