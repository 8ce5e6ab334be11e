import type { CatalogSnapshot, CustomerEvent } from '@omnitouch/core';
import { customerIdAt } from '@omnitouch/demo';
import type { BenchScenario } from './harness';
import { percentile } from './harness';
import { openOfferStream } from './server/offer-stream';
import { logMachineLoad, startLoadedServer, withChildren } from './server/loaded-server';
import { generateOperatorEvents } from './server/operator-setup';
import type { BenchServer } from './server/omnitouch-server';

/** The staffed inbound screen the issue names: the store clerk's. */
const touchpointId = 'store-clerk-screen';
/** One event every 10 ms: a busy store network, well below the server's capacity. */
const sendIntervalMs = 10;

/**
 * The clerk screen's per-minute capacity (2 contacts a minute per clerk in the reference operator,
 * and events carry no clerk, so the whole screen shares one bucket) is raised: this bench times
 * the push, not the flow control, which would otherwise drop all but two offers a minute.
 */
function liftClerkCapacity(snapshot: CatalogSnapshot): CatalogSnapshot {
  return {
    ...snapshot,
    touchpoints: snapshot.touchpoints.map((t) =>
      t.id === touchpointId ? { ...t, capacityPerMinute: 1_000_000 } : t,
    ),
  };
}

/** A store visit about a device (the trigger the clerk-screen cases listen for) as a template. */
function storeVisitTemplate(snapshot: CatalogSnapshot, customers: number): CustomerEvent {
  const type = snapshot.eventTypes.find((t) => t.inContactAt === touchpointId);
  const sample = generateOperatorEvents(snapshot, customers, 20_000, Date.now()).find(
    (event) => event.type === type?.id,
  );
  if (type === undefined || sample === undefined) {
    throw new Error(`the operator has no event type in contact at ${touchpointId}`);
  }
  const properties = { ...sample.properties };
  if ('purpose' in type.properties) {
    properties['purpose'] = 'device';
  }
  return { ...sample, properties };
}

async function sendEvent(server: BenchServer, event: CustomerEvent): Promise<void> {
  const response = await fetch(`${server.url}/api/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events: [event] }),
  });
  if (!response.ok) {
    throw new Error(`an event was refused (${response.status}): ${await response.text()}`);
  }
  await response.arrayBuffer();
}

const serverStream: BenchScenario = {
  name: 'server-stream',
  description: `event-to-offer on the ${touchpointId} SSE stream: store-visit event sent → offer pushed`,
  async run(context) {
    const customers = context.quick ? 10_000 : 100_000;
    const sends = context.quick ? 400 : 2_000;
    const loaded = await startLoadedServer(context, customers, liftClerkCapacity);
    const { server, snapshot } = loaded;
    await withChildren([server], async () => {
      const template = storeVisitTemplate(snapshot, customers);
      const sentAt = new Map<string, number>();
      const latencies: number[] = [];
      const stream = await openOfferStream(server, touchpointId, (offer) => {
        const started = sentAt.get(offer.customerId);
        if (started !== undefined) {
          latencies.push(offer.arrivedAt - started);
          sentAt.delete(offer.customerId); // one sample per event: later offers are not its own
        }
      });
      try {
        // Distinct customers spread over the population (a stride coprime with its size).
        const stride = 7_919;
        const customerAt = (i: number) => customerIdAt((i * stride) % customers);
        const send = (i: number, prefix: string) => {
          const customerId = customerAt(i);
          sentAt.set(customerId, performance.now());
          return sendEvent(server, {
            ...template,
            eventId: `${prefix}-${i}`,
            customerId,
            occurredAt: Date.now(),
          });
        };
        // Warm-up on other customers; their samples are dropped.
        await Promise.all(Array.from({ length: 100 }, (_, i) => send(sends + i, 'warm')));
        await new Promise((resolve) => setTimeout(resolve, 200));
        latencies.length = 0;
        sentAt.clear();
        logMachineLoad(context);
        const inFlight: Promise<void>[] = [];
        const runId = `stream-${Date.now()}`;
        for (let i = 0; i < sends; i++) {
          inFlight.push(send(i, runId));
          await new Promise((resolve) => setTimeout(resolve, sendIntervalMs));
        }
        await Promise.all(inFlight);
        await new Promise((resolve) => setTimeout(resolve, 500));
      } finally {
        stream.close();
      }
      context.log(
        `${sends.toLocaleString('en-US')} store-visit events sent one a request every ${sendIntervalMs} ms; ` +
          `${latencies.length.toLocaleString('en-US')} pushed an offer to ${touchpointId} ` +
          `(timed from the request's send to the offer's arrival on the stream)`,
      );
      if (latencies.length === 0) {
        throw new Error(`no offer reached the ${touchpointId} stream`);
      }
      context.record({ name: 'offers pushed', value: latencies.length, unit: 'offers' });
      context.record({ name: 'event-to-offer p50', value: percentile(latencies, 50), unit: 'ms' });
      context.record({
        name: 'event-to-offer p99',
        value: percentile(latencies, 99),
        unit: 'ms',
        target: '≤ 20 ms',
      });
      context.record({ name: 'event-to-offer max', value: percentile(latencies, 100), unit: 'ms' });
    });
  },
};

export default serverStream;
