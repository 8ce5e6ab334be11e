import { join } from 'node:path';
import { bareFastifyReadyPattern } from '../peers/bare-fastify';
import { startBenchChild, type BenchChild } from './child-process';

/** Starts the bare-Fastify peer in a child process of its own, on a free port. */
export function startBareFastifyChild(): Promise<BenchChild> {
  return startBenchChild({
    script: join(import.meta.dirname, '..', 'peers', 'bare-fastify.ts'),
    env: { PORT: '0' },
    readyPattern: bareFastifyReadyPattern,
  });
}
