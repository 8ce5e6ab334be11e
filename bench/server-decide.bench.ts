import type { BenchScenario } from './harness';
import { percentile } from './harness';
import { collectHeldOffers } from './server/held-offers';
import { logMachineLoad, startLoadedServer, withChildren } from './server/loaded-server';
import { generateOperatorEvents } from './server/operator-setup';
import { runPacedLoad } from './server/paced-load';

/** The fixed request rate the issue sets for the decide latency figure. */
const requestsPerSecond = 1_000;

const serverDecide: BenchScenario = {
  name: 'server-decide',
  description:
    'POST /api/v1/decide at a fixed 1,000 requests/s, 1,000 live cases, customers with held offers',
  async run(context) {
    const customers = context.quick ? 10_000 : 100_000;
    const seconds = context.quick ? 3 : 10;
    const { server, snapshot } = await startLoadedServer(context, customers);
    await withChildren([server], async () => {
      const wanted = requestsPerSecond * (seconds + 2);
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
      let next = 0;
      const nextBody = () => JSON.stringify(prep.held[next++ % prep.held.length]);
      const tally = { withOffer: 0, answers: 0 };
      const serverMs: number[] = [];
      const base = {
        url: server.url,
        path: '/api/v1/decide',
        apiKey: server.apiKey,
        ratePerSecond: requestsPerSecond,
        nextBody,
      };
      // Warm-up at the same rate, on the last held offers (the timed run starts from the first).
      next = Math.max(0, prep.held.length - requestsPerSecond);
      await runPacedLoad({ ...base, durationSeconds: 1 });
      next = 0;
      logMachineLoad(context);
      const load = await runPacedLoad({
        ...base,
        durationSeconds: seconds,
        onBody: (status, body) => {
          if (status !== 200) {
            return;
          }
          const answer = JSON.parse(body) as { offers: unknown[]; latencyMs: number };
          tally.answers += 1;
          tally.withOffer += answer.offers.length > 0 ? 1 : 0;
          serverMs.push(answer.latencyMs);
        },
      });
      if (load.failed > 0) {
        throw new Error(`decide: ${load.failed} requests failed during the run`);
      }
      context.log(
        `${load.ok.toLocaleString('en-US')} decide requests in ${load.durationSeconds.toFixed(1)} s ` +
          `(${Math.round(load.okPerSecond)}/s); ${((100 * tally.withOffer) / Math.max(1, tally.answers)).toFixed(0)} % ` +
          `answered with an offer; open-loop schedule (one request every 1 ms), latency from each request's scheduled send time to its answer`,
      );
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
        value: percentile(serverMs, 99),
        unit: 'ms',
      });
    });
  },
};

export default serverDecide;
