import type { BenchScenario } from './harness';
import { percentile } from './harness';
import { startServerBesideBareFastify } from './server/bare-fastify-child';
import { createEventBodies } from './server/event-bodies';
import { describeFailures, runLoad, type LoadResult } from './server/load';
import { logMachineLoad, withChildren } from './server/loaded-server';
import { generateOperatorEvents } from './server/operator-setup';

/**
 * Many connections with one request in flight each: single-event requests are acknowledged only
 * once durable, so throughput comes from many requests sharing each group commit.
 */
const connections = 64;

const serverSingleEvent: BenchScenario = {
  name: 'server-single-event',
  description:
    'single-event requests over HTTP (full decision pipeline, durable acknowledgement each) vs a bare Fastify server',
  async run(context) {
    const customers = context.quick ? 10_000 : 100_000;
    const seconds = context.quick ? 3 : 10;
    const warmupSeconds = context.quick ? 1 : 3;
    const { server, snapshot, bare } = await startServerBesideBareFastify(context, customers);
    await withChildren([server, bare], async () => {
      const pool = generateOperatorEvents(snapshot, customers, 50_000, Date.now());
      // The same client, connections and bodies for both: the bare server prices HTTP and JSON
      // on this machine, the ceiling any server of ours could reach.
      const drive = async (url: string, label: string, apiKey?: string): Promise<LoadResult> => {
        const bodies = createEventBodies(pool, `${label}-${Date.now()}-`);
        const base = {
          url,
          path: '/api/v1/events',
          connections,
          nextBody: () => bodies.next(1),
          ...(apiKey && { apiKey }),
        };
        await runLoad({ ...base, durationSeconds: warmupSeconds });
        logMachineLoad(context);
        const load = await runLoad({ ...base, durationSeconds: seconds });
        if (load.failed > 0) {
          throw new Error(
            `${label} single-event requests: ${describeFailures(load)} during the run`,
          );
        }
        context.log(
          `${label}: ${load.ok.toLocaleString('en-US')} single-event requests in ` +
            `${load.result.duration.toFixed(1)} s over ${connections} connections`,
        );
        return load;
      };
      const ours = await drive(server.url, 'omnitouch', server.apiKey);
      const peer = await drive(bare.url, 'bare-fastify');
      context.record({
        name: 'single-event requests',
        value: ours.okPerSecond,
        unit: 'requests/s',
        target: '≥ 25000',
      });
      context.record({
        name: 'bare Fastify, same bodies',
        value: peer.okPerSecond,
        unit: 'requests/s',
      });
      context.record({
        name: 'single-event requests vs bare Fastify',
        value: ours.okPerSecond,
        unit: 'requests/s',
        peer: 'bare Fastify (JSON parse only)',
        ratio: ours.okPerSecond / peer.okPerSecond,
      });
      context.record({
        name: 'single-event request p50',
        value: percentile(ours.latenciesMs, 50),
        unit: 'ms',
      });
      context.record({
        name: 'single-event request p99',
        value: percentile(ours.latenciesMs, 99),
        unit: 'ms',
      });
    });
  },
};

export default serverSingleEvent;
