import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { registerMetricsRoutes } from './metrics.routes';

const apps: TestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((t) => t.close()));
});

async function start(): Promise<TestApp> {
  const t = await createTestApp();
  apps.push(t);
  return t;
}

describe(registerMetricsRoutes.name, () => {
  it('serves HTTP and product metrics in Prometheus format to an analyst', async () => {
    const t = await start();
    await t.app.inject({ url: '/healthz' });
    t.app.metrics.suppressions.inc({ reason: 'quiet-hours' });
    t.app.metrics.decisionLatency.observe({ trigger: 'decide' }, 0.002);
    const response = await t.request({ method: 'GET', url: '/metrics', as: 'analyst' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toContain(
      'omnitouch_http_requests_total{method="GET",route="/healthz",status="200"} 1',
    );
    expect(response.body).toContain('omnitouch_suppressions_total{reason="quiet-hours"} 1');
    expect(response.body).toContain('omnitouch_decision_latency_seconds_count{trigger="decide"} 1');
  });

  it('keeps each app its own registry', async () => {
    const first = await start();
    const second = await start();
    first.app.metrics.eventsIngested.inc({ source: 'native' }, 5);
    const body = (await second.request({ method: 'GET', url: '/metrics', as: 'admin' })).body;
    expect(body).not.toContain('omnitouch_events_ingested_total{source="native"}');
  });

  it('answers 401 without a key and 403 to a staff key', async () => {
    const t = await start();
    expect((await t.request({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/metrics', as: 'staff' })).statusCode).toBe(403);
  });
});
