import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The Prometheus metrics of one app, in their own `Registry` (never prom-client's global one, so
 * two apps in one process — tests — do not share counts). Later routes and the engine wiring
 * increment the product metrics; `registerHttpMetrics` records every HTTP request.
 */
export interface Metrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  /** Seconds from request received to response sent. */
  readonly httpRequestDuration: Histogram<'method' | 'route'>;
  /** Events accepted durably, by `source` (`segment`, `native`, `import`, `demo`). */
  readonly eventsIngested: Counter<'source'>;
  /** Decisions made, by `trigger` (`event` for ingest, `decide` for inbound requests). */
  readonly decisions: Counter<'trigger'>;
  /** Offers suppressed, by the kebab-case `reason` code. */
  readonly suppressions: Counter<'reason'>;
  /** Delivery attempts, by `touchpoint` id and `status` (`delivered`, `failed`, `dead-letter`…). */
  readonly deliveries: Counter<'touchpoint' | 'status'>;
  /** Seconds the decision pipeline took for one event or decide request. */
  readonly decisionLatency: Histogram<'trigger'>;
  /** Items waiting, by `queue` (`scheduled-deliveries`, `webhook-retries`, `group-commit`…). */
  readonly queueDepth: Gauge<'queue'>;
}

// Decisions are budgeted in milliseconds (decide p99 ≤ 5 ms), so the buckets start at 0.1 ms.
const decisionBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1];
const httpBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** Creates a fresh registry with the process metrics and every Omnitouch metric, all at zero. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'omnitouch_http_requests_total',
      help: 'HTTP requests answered, by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    httpRequestDuration: new Histogram({
      name: 'omnitouch_http_request_duration_seconds',
      help: 'HTTP request duration in seconds, by method and route',
      labelNames: ['method', 'route'],
      buckets: httpBuckets,
      registers,
    }),
    eventsIngested: new Counter({
      name: 'omnitouch_events_ingested_total',
      help: 'Customer events accepted durably, by source',
      labelNames: ['source'],
      registers,
    }),
    decisions: new Counter({
      name: 'omnitouch_decisions_total',
      help: 'Decisions made, by trigger (event or decide)',
      labelNames: ['trigger'],
      registers,
    }),
    suppressions: new Counter({
      name: 'omnitouch_suppressions_total',
      help: 'Offers suppressed, by reason code',
      labelNames: ['reason'],
      registers,
    }),
    deliveries: new Counter({
      name: 'omnitouch_deliveries_total',
      help: 'Delivery attempts, by touchpoint and status',
      labelNames: ['touchpoint', 'status'],
      registers,
    }),
    decisionLatency: new Histogram({
      name: 'omnitouch_decision_latency_seconds',
      help: 'Decision pipeline latency in seconds, by trigger',
      labelNames: ['trigger'],
      buckets: decisionBuckets,
      registers,
    }),
    queueDepth: new Gauge({
      name: 'omnitouch_queue_depth',
      help: 'Items waiting, by queue',
      labelNames: ['queue'],
      registers,
    }),
  };
}

/**
 * Counts and times every response; the route label is the route pattern, never the raw URL.
 * Callback style (no promise per request), with one label object per route and status reused.
 */
export function registerHttpMetrics(app: FastifyInstance, metrics: Metrics): void {
  const labelSets = new Map<string, HttpLabels>();
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const method = request.method;
    const status = reply.statusCode;
    const id = `${method} ${status} ${route}`;
    let labels = labelSets.get(id);
    if (labels === undefined) {
      labels = { counted: { method, route, status }, timed: { method, route } };
      labelSets.set(id, labels);
    }
    metrics.httpRequests.inc(labels.counted);
    metrics.httpRequestDuration.observe(labels.timed, reply.elapsedTime / 1000);
    done();
  });
}

/** The label sets of one (method, status, route): routes are patterns, so there are few. */
interface HttpLabels {
  readonly counted: { method: string; route: string; status: number };
  readonly timed: { method: string; route: string };
}
