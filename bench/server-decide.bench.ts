import type { BenchScenario } from './harness';
import { percentile } from './harness';
import { collectHeldOffers } from './server/held-offers';
import { logMachineLoad, startLoadedServer, withChildren } from './server/loaded-server';
import { generateOperatorEvents } from './server/operator-setup';
import { startBareFastifyChild } from './server/bare-fastify-child';
import { runPacedLoad, type PacedLoadOptions } from './server/paced-load';

/** The fixed request rate the issue sets for the decide latency figure. */
const requestsPerSecond = 1_000;

/**
 * Requests before the measured ones, on customers of their own: the decide path is new code to the
 * JIT after the ingest that prepared the offers, and its first second ran 50–130 ms behind.
 */
const warmUpSeconds = 3;

const serverDecide: BenchScenario = {
  name: 'server-decide',
  description:
    'POST /api/v1/decide at a fixed 1,000 requests/s, 1,000 live cases, customers with held offers',
  async run(context) {
    const customers = context.quick ? 10_000 : 100_000;
    const seconds = context.quick ? 3 : 10;
    const { server, snapshot } = await startLoadedServer(context, customers);
    const { job, measured } = await withChildren([server], async () => {
      const wanted = requestsPerSecond * (seconds + warmUpSeconds + 1);
      const events = generateOperatorEvents(snapshot, customers, 400_000, Date.now());
      const prep = await collectHeldOffers(server, snapshot, events, {
        wanted,
        budgetMs: context.quick ? 8_000 : 40_000,
      });
      if (prep.held.length === 0) {
        throw new Error('no event held an offer for an inbound touchpoint: nothing to decide');
      }
      context.log(
        `${prep.eventsSent.toLocaleString('en-US')} events ingested first: ` +
          `${prep.held.length.toLocaleString('en-US')} offers held for unstaffed inbound touchpoints`,
      );
      const job: PacedLoadOptions = {
        url: server.url,
        path: '/api/v1/decide',
        apiKey: server.apiKey,
        ratePerSecond: requestsPerSecond,
        durationSeconds: seconds,
        warmUpSeconds,
        bodies: prep.held.map((offer) => JSON.stringify(offer)),
        numberField: 'latencyMs',
        marker: '"offers":[{',
        ownPids: [server.child.pid],
        label: 'omnitouch',
      };
      const load = await runPacedLoad(job);
      logMachineLoad(context);
      if (load.failed > 0) {
        throw new Error(`decide: ${load.failed} requests failed during the run`);
      }
      context.log(
        `${load.ok.toLocaleString('en-US')} decide requests in ${load.durationSeconds.toFixed(1)} s ` +
          `(${Math.round(load.okPerSecond)}/s); ${((100 * load.containing) / Math.max(1, load.ok)).toFixed(0)} % ` +
          `answered with an offer; open-loop schedule (one request every 1 ms), latency from each request's scheduled send time to its answer`,
      );
      const client = load.client;
      context.log(
        `load process (separate and lean: pre-built requests, no parsing on the timing path): ` +
          `${client.connectionsOpened} connections, send lateness max ${load.maxSendLagMs.toFixed(1)} ms, ` +
          `event-loop delay max ${client.loopDelayMaxMs.toFixed(1)} ms, ${client.gcPauses} GC pauses ` +
          `(max ${client.gcMaxMs.toFixed(1)} ms) — all charged to the figures below`,
      );
      if (client.othersCores !== undefined) {
        context.log(
          `other processes used ${client.othersCores.toFixed(2)} cores during the run` +
            (client.othersCores > 0.1
              ? ': the server had to wait for a core, so the figures below overstate its latency'
              : ''),
        );
      }
      context.record({ name: 'decide rate achieved', value: load.okPerSecond, unit: 'requests/s' });
      context.record({ name: 'decide p50', value: percentile(load.latenciesMs, 50), unit: 'ms' });
      context.record({
        name: 'decide p99',
        value: percentile(load.latenciesMs, 99),
        unit: 'ms',
        target: '≤ 5 ms',
      });
      context.record({ name: 'decide max', value: percentile(load.latenciesMs, 100), unit: 'ms' });
      context.record({
        name: 'decide p99 inside the server (latencyMs)',
        value: percentile(load.numbers, 99),
        unit: 'ms',
      });
      return { job, measured: load };
    });
    // The floor: the same client, bodies and schedule against a route that only parses and answers.
    const bare = await startBareFastifyChild();
    const floor = await withChildren([bare], () =>
      runPacedLoad({ ...job, url: bare.url, ownPids: [bare.pid], label: 'bare-fastify' }),
    );
    const ours = percentile(measured.latenciesMs, 99);
    const peerP99 = percentile(floor.latenciesMs, 99);
    context.record({
      name: 'bare Fastify p99, same client and schedule',
      value: peerP99,
      unit: 'ms',
    });
    context.record({
      name: 'decide p99 vs bare Fastify',
      value: ours,
      unit: 'ms (ratio: ours ÷ peer, lower is better)',
      peer: 'bare Fastify (parse + fixed answer)',
      ratio: ours / peerP99,
    });
  },
};

export default serverDecide;
