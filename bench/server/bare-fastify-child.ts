import { join } from 'node:path';
import { bareFastifyReadyPattern } from '../peers/bare-fastify';
import type { BenchContext } from '../harness';
import { startBenchChild, type BenchChild } from './child-process';
import { startLoadedServer, type LoadedServer } from './loaded-server';

/** Starts the bare-Fastify peer in a child process of its own, on a free port. */
export function startBareFastifyChild(): Promise<BenchChild> {
  return startBenchChild({
    script: join(import.meta.dirname, '..', 'peers', 'bare-fastify.ts'),
    env: { PORT: '0' },
    readyPattern: bareFastifyReadyPattern,
  });
}

/**
 * Starts the bare-Fastify peer and our loaded server for a throughput comparison; the peer is
 * stopped again when the server fails to start, so no child outlives the scenario.
 */
export async function startServerBesideBareFastify(
  context: BenchContext,
  customers: number,
): Promise<LoadedServer & { readonly bare: BenchChild }> {
  const bare = await startBareFastifyChild();
  const loaded = await startLoadedServer(context, customers).catch(async (error: unknown) => {
    await bare.stop();
    throw error;
  });
  return { ...loaded, bare };
}
