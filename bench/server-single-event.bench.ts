import type { BenchScenario } from './harness';
import { percentile } from './harness';
import { createEventBodies } from './server/event-bodies';
import { describeFailures, runLoad } from './server/load';
import { logMachineLoad, startLoadedServer, withChildren } from './server/loaded-server';
import { generateOperatorEvents } from './server/operator-setup';

/**
 * Many connections with one request in flight each: single-event requests are acknowledged only
 * once durable, so throughput comes from many requests sharing each group commit.
 */
const connections = 64;

const serverSingleEvent: BenchScenario = {
  name: 'server-single-event',
  description:
    'single-event requests over HTTP (full decision pipeline, durable acknowledgement each)',
  async run(context) {
    const customers = context.quick ? 10_000 : 100_000;
    const seconds = context.quick ? 3 : 10;
    const warmupSeconds = context.quick ? 1 : 3;
    const { server, snapshot } = await startLoadedServer(context, customers);
    await withChildren([server], async () => {
      const pool = generateOperatorEvents(snapshot, customers, 50_000, Date.now());
      const bodies = createEventBodies(pool, `single-${Date.now()}-`);
      const base = {
        url: server.url,
        path: '/api/v1/events',
        apiKey: server.apiKey,
        connections,
        nextBody: () => bodies.next(1),
      };
      await runLoad({ ...base, durationSeconds: warmupSeconds });
      logMachineLoad(context);
      const load = await runLoad({ ...base, durationSeconds: seconds });
      if (load.failed > 0) {
        throw new Error(`single-event requests: ${describeFailures(load)} during the run`);
      }
      context.log(
        `${load.ok.toLocaleString('en-US')} single-event requests in ${load.result.duration.toFixed(1)} s ` +
          `over ${connections} connections`,
      );
      context.record({
        name: 'single-event requests',
        value: load.okPerSecond,
        unit: 'requests/s',
        target: '≥ 25000',
      });
      context.record({
        name: 'single-event request p50',
        value: percentile(load.latenciesMs, 50),
        unit: 'ms',
      });
      context.record({
        name: 'single-event request p99',
        value: percentile(load.latenciesMs, 99),
        unit: 'ms',
      });
    });
  },
};

export default serverSingleEvent;
