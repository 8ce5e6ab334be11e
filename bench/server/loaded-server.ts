import { cpus, loadavg } from 'node:os';
import type { CatalogSnapshot } from '@omnitouch/core';
import type { BenchContext } from '../harness';
import { startOmnitouchServer, type BenchServer } from './omnitouch-server';
import { buildOperatorCatalog, loadOperator } from './operator-setup';
import { describeProactiveReclaim } from './proactive-reclaim';

/** A started server child with the synthetic operator loaded through its API. */
export interface LoadedServer {
  readonly server: BenchServer;
  readonly snapshot: CatalogSnapshot;
  readonly customers: number;
}

/**
 * Starts the server child and loads the operator (1,000 live cases) and `customers` profiles;
 * `prepare` may change the generated catalog first. Stops the child if loading fails.
 */
export async function startLoadedServer(
  context: BenchContext,
  customers: number,
  prepare: (snapshot: CatalogSnapshot) => CatalogSnapshot = (snapshot) => snapshot,
): Promise<LoadedServer> {
  const now = Date.now();
  const snapshot = prepare(buildOperatorCatalog(now));
  const server = await startOmnitouchServer();
  try {
    const took = await loadOperator(server, snapshot, customers, now);
    context.log(
      `server pid ${server.child.pid} at ${server.url}: catalog (${snapshot.cases.length} cases) ` +
        `in ${Math.round(took.catalogMs)} ms, ${customers.toLocaleString('en-US')} customers ` +
        `imported in ${Math.round(took.profilesMs)} ms`,
    );
    return { server, snapshot, customers };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/**
 * On a shared machine a load above the core count means the server got less than its cores, and
 * a kernel that pages memory out behind our back puts its stalls into every tail latency.
 */
export function logMachineLoad(context: BenchContext): void {
  context.log(`load average ${loadavg()[0]?.toFixed(2) ?? '?'} on ${cpus().length} cores`);
  for (const reclaim of describeProactiveReclaim()) {
    context.log(`${reclaim}: expect ~periodic stalls in tail latencies (docs/decisions/0006)`);
  }
}

/** Runs `work`, then stops every child given, whatever happened. */
export async function withChildren<T>(
  children: readonly { stop(): Promise<void> }[],
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } finally {
    await Promise.allSettled(children.map((child) => child.stop()));
  }
}
