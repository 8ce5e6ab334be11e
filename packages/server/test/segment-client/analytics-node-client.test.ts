import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Analytics } from '@segment/analytics-node';
import { SqliteProfileStore } from '@omnitouch/store-sqlite';
import { createServerTestApp, type ServerTestApp } from '../../src/composition/server.fixtures';
import { buildRuntimeCatalog } from '../../src/runtime/runtime.fixtures';

let t: ServerTestApp;
beforeAll(async () => {
  t = await createServerTestApp({ catalog: buildRuntimeCatalog(), listen: true });
});
afterAll(() => t.close());

const loggedEvents = () =>
  (
    t.server.db.prepare('SELECT payload FROM event_log ORDER BY position').pluck().all() as string[]
  ).map(
    (payload) => JSON.parse(payload) as { customerId: string; type: string; properties: unknown },
  );

/** The real `@segment/analytics-node` client, unchanged, pointed at our server by `host`. */
describe('Segment analytics-node client', () => {
  it('delivers identify and track calls that land as profile changes and events', async () => {
    const errors: unknown[] = [];
    const analytics = new Analytics({
      writeKey: t.keys.ingest,
      host: t.server.url,
      flushAt: 3,
      maxRetries: 0,
    });
    analytics.on('error', (error) => errors.push(error));
    analytics.identify({
      userId: 'seg-1',
      traits: { arpu: 88, email: 'a@b.c', tags: ['5g-user'] },
    });
    analytics.track({ userId: 'seg-1', event: 'Top Up', properties: { amount: 70 } });
    analytics.track({ anonymousId: 'anon-9', event: 'top-up', properties: { amount: 5 } });
    await analytics.closeAndFlush({ timeout: 10_000 });
    expect(errors).toEqual([]);
    expect(loggedEvents()).toMatchObject([
      { customerId: 'seg-1', type: 'top-up', properties: { amount: 70 } },
      { customerId: 'anon-9', type: 'top-up', properties: { amount: 5 } },
    ]);
    const profile = new SqliteProfileStore(t.server.db).get('seg-1');
    expect(profile?.attributes).toEqual({ arpu: 88 });
    expect(profile?.tags[0]).toBe(1);
    const offers = t.server.db
      .prepare("SELECT count(*) AS n FROM offers WHERE customer_id = 'seg-1'")
      .get();
    expect(offers).toEqual({ n: 1 });
  });

  it('reports a rejected call through the client error event', async () => {
    const errors: unknown[] = [];
    const analytics = new Analytics({
      writeKey: t.keys.ingest,
      host: t.server.url,
      flushAt: 1,
      maxRetries: 0,
    });
    analytics.on('error', (error) => errors.push(error));
    analytics.track({ userId: 'seg-2', event: 'no-such-event' });
    await analytics.closeAndFlush({ timeout: 10_000 });
    expect(errors).toHaveLength(1);
  });
});
