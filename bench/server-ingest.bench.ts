import type { BenchScenario } from './harness';
import { percentile } from './harness';
import {
  commercialJourneyPeakEventsPerSecond,
  commercialJourneyPeerName,
} from './peers/commercial-journey-platform';
import { startServerBesideBareFastify } from './server/bare-fastify-child';
import { createEventBodies } from './server/event-bodies';
import { describeFailures, runLoad, type LoadResult } from './server/load';
import { logMachineLoad, withChildren } from './server/loaded-server';
import { generateOperatorEvents, requestJson } from './server/operator-setup';

/** Events per request, as the issue sets it. */
const eventsPerRequest = 100;
/**
 * Concurrent connections: enough requests in flight for the group commit to batch several of them
 * into one durable write, as many collectors sending at once would.
 */
const connections = 16;

const serverIngest: BenchScenario = {
  name: 'server-ingest',
  description:
    'batched ingest over HTTP (100 events a request, full decision pipeline, durable acknowledgement) vs a bare Fastify server',
  async run(context) {
    const customers = context.quick ? 10_000 : 100_000;
    const seconds = context.quick ? 3 : 10;
    const warmupSeconds = context.quick ? 1 : 3;
    const { server, snapshot, bare } = await startServerBesideBareFastify(context, customers);
    await withChildren([server, bare], async () => {
      const pool = generateOperatorEvents(snapshot, customers, 50_000, Date.now());
      const check = (await requestJson(server, 'POST', '/api/v1/events', {
        events: pool.slice(0, 2).map((e, i) => ({ ...e, eventId: `check-${i}` })),
      })) as { accepted: number };
      if (check.accepted !== 2) {
        throw new Error(`the server did not accept the check events: ${JSON.stringify(check)}`);
      }
      const drive = async (url: string, label: string, apiKey?: string): Promise<LoadResult> => {
        const bodies = createEventBodies(pool, `${label}-${Date.now()}-`);
        const base = { url, path: '/api/v1/events', connections, ...(apiKey && { apiKey }) };
        const nextBody = () => bodies.next(eventsPerRequest);
        await runLoad({ ...base, durationSeconds: warmupSeconds, nextBody });
        logMachineLoad(context);
        const load = await runLoad({ ...base, durationSeconds: seconds, nextBody });
        if (load.failed > 0) {
          throw new Error(`${label}: ${describeFailures(load)} during the run`);
        }
        context.log(
          `${label}: ${load.ok.toLocaleString('en-US')} requests (${(load.ok * eventsPerRequest).toLocaleString('en-US')} events) ` +
            `in ${load.result.duration.toFixed(1)} s over ${connections} connections; request p50 ` +
            `${percentile(load.latenciesMs, 50).toFixed(1)} ms, p99 ${percentile(load.latenciesMs, 99).toFixed(1)} ms`,
        );
        return load;
      };
      const ours = await drive(server.url, 'omnitouch', server.apiKey);
      const peer = await drive(bare.url, 'bare-fastify');
      const oursEvents = ours.okPerSecond * eventsPerRequest;
      const peerEvents = peer.okPerSecond * eventsPerRequest;
      context.record({
        name: 'batched ingest (100 events/request)',
        value: oursEvents,
        unit: 'events/s',
        target: '≥ 80000',
      });
      context.record({
        name: 'bare Fastify, same bodies',
        value: peerEvents,
        unit: 'events/s',
      });
      context.record({
        name: 'batched ingest vs bare Fastify',
        value: oursEvents,
        unit: 'events/s',
        peer: 'bare Fastify (JSON parse only)',
        ratio: oursEvents / peerEvents,
        target: '≥ 0.2',
      });
      context.record({
        name: 'batched ingest vs published peak',
        value: oursEvents,
        unit: 'events/s',
        peer: commercialJourneyPeerName,
        ratio: oursEvents / commercialJourneyPeakEventsPerSecond,
      });
      context.record({
        name: 'batch request latency p99',
        value: percentile(ours.latenciesMs, 99),
        unit: 'ms',
      });
    });
  },
};

export default serverIngest;
