import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { defaultContactPolicy, type CatalogSnapshot, type MarketingCase } from '@omnitouch/core';
import { apiKeyRoles, type ApiKeyRole } from '@omnitouch/contracts';
import {
  SqliteApiKeyStore,
  SqliteCatalogStore,
  SqliteChannelBindingStore,
  SqliteDeliveryAttemptStore,
  createSqliteStores,
  openSqliteDatabase,
  type SqliteDatabase,
} from '@omnitouch/store-sqlite';
import { buildApp } from '../build-app';
import { createCatalogService, type CatalogService } from '../catalog/catalog-service';
import { loadConfig } from '../config';
import { createMetrics, type Metrics } from '../metrics';
import { createCustomerView } from '../routes/customers/customer-view';
import { createDecisionRuntime } from '../runtime/create-decision-runtime';
import type { DecisionRuntime } from '../runtime/decision-runtime';
import * as fixtures from '../testing/catalog-fixtures';
import { testNow } from '../testing/test-app';
import { createChannelBindingService, type ChannelBindingService } from './channel-binding-service';
import { createDeliveryService } from './create-delivery-service';
import { createCustomerHistory, createDecisionJournal } from './decision-journal';
import type { DeliveryService } from './delivery-service';
import { createStaffSessions } from './staff-sessions';

const text = (en: string) => ({ 'zh-CN': `${en}（中文）`, en });

/** A strategy presenting the case on `touchpointId` now, valid for an hour. */
const on = (
  touchpointId: string,
  allowOutbound: boolean,
): MarketingCase['touchpoints'][number] => ({
  touchpointId,
  preference: 0,
  template: text(`Offer at ${touchpointId}`),
  delaySeconds: 0,
  validForSeconds: 3600,
  allowOutbound,
});

/**
 * The front-line catalog: `top-up` ≥ 50 by a 5G user with ARPU > 50 → SMS (outbound) and a held
 * hotline offer; `store-visit` (in contact at `store`, a staffed inbound touchpoint) → the clerk.
 */
export const frontLineCatalog: CatalogSnapshot = {
  tagCatalog: {
    categories: [fixtures.category],
    tags: [fixtures.tag],
    attributes: [fixtures.attribute],
  },
  eventTypes: [
    fixtures.eventType,
    {
      id: 'store-visit',
      name: text('Store visit'),
      category: 'visit',
      properties: {},
      inContactAt: 'store',
    },
  ],
  touchpoints: [
    fixtures.touchpoint,
    {
      ...fixtures.touchpoint,
      id: 'store',
      name: text('Store'),
      kind: 'inbound',
      audience: 'staff',
      deliveryMethods: ['clerk-screen'],
      preferredDeliveryMethod: 'clerk-screen',
      isDisturbance: false,
    },
    {
      ...fixtures.touchpoint,
      id: 'hotline',
      name: text('Hotline'),
      kind: 'inbound',
      deliveryMethods: ['agent-desk'],
      preferredDeliveryMethod: 'agent-desk',
      isDisturbance: false,
    },
  ],
  cases: [
    fixtures.marketingCase,
    { ...fixtures.marketingCase, id: 'retention', touchpoints: [on('hotline', false)] },
    {
      ...fixtures.marketingCase,
      id: 'store-upgrade',
      trigger: { eventType: 'store-visit' },
      touchpoints: [on('store', false)],
    },
  ],
  contactPolicy: defaultContactPolicy,
};

export interface FrontLineTestApp {
  readonly app: FastifyInstance;
  readonly db: SqliteDatabase;
  readonly runtime: DecisionRuntime;
  readonly delivery: DeliveryService;
  readonly bindings: ChannelBindingService;
  readonly catalog: CatalogService;
  readonly metrics: Metrics;
  readonly logLines: string[];
  /** A valid secret per role (for real HTTP requests). */
  readonly keys: Readonly<Record<ApiKeyRole, string>>;
  /** The test clock: starts at `testNow`, moved by `advance`. */
  now(): number;
  advance(ms: number): void;
  request(options: InjectOptions & { as?: ApiKeyRole }): Promise<LightMyRequestResponse>;
  /** A customer who qualifies for every case (5G user, ARPU 80). */
  addQualifiedCustomer(customerId: string): void;
  close(): Promise<void>;
}

/** The whole front line over real SQLite in a temp dir: runtime, delivery, journal and routes. */
export async function createFrontLineTestApp(
  options: { heartbeatMs?: number } = {},
): Promise<FrontLineTestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'omnitouch-front-line-'));
  const db = openSqliteDatabase(join(dir, 'omnitouch.db'));
  let current = testNow;
  const clock = { now: () => current };
  const stores = createSqliteStores(db, { maxDelayMs: 0 });
  const apiKeys = new SqliteApiKeyStore(db);
  const keys = Object.fromEntries(
    apiKeyRoles.map((role) => [role, apiKeys.create({ role, label: role, now: testNow }).secret]),
  ) as Record<ApiKeyRole, string>;
  const metrics = createMetrics();
  // The catalog service and the bindings need the runtime, which needs them: filled in below.
  const late: { runtime?: DecisionRuntime } = {};
  const catalog = createCatalogService({
    store: new SqliteCatalogStore<CatalogSnapshot>(db),
    clock,
    onCatalogChanged: (snapshot) => late.runtime?.applyCatalog(snapshot),
  });
  const replaced = catalog.replaceSnapshot(frontLineCatalog);
  if (!replaced.ok) {
    throw new Error(`front-line catalog invalid: ${JSON.stringify(replaced.issues)}`);
  }
  const bindings = createChannelBindingService({
    store: new SqliteChannelBindingStore(db),
    touchpointOf: (id) => late.runtime?.currentCatalog().touchpoints.get(id),
    clock,
  });
  const logLines: string[] = [];
  const staffSessions = createStaffSessions();
  const delivery = createDeliveryService({
    attempts: new SqliteDeliveryAttemptStore(db),
    scheduled: stores.scheduledDeliveries,
    bindings,
    staffSessions,
    clock,
    metrics,
    random: () => 0.5,
    // As in production (composition/front-line.ts): in-process channels take the direct path.
    inTransaction: (work) => db.transaction(work)(),
    logger: { info: (line) => logLines.push(line), error: (_d, message) => logLines.push(message) },
  });
  const journal = createDecisionJournal(db);
  let offerSeq = 0;
  const live = createDecisionRuntime({
    db,
    stores,
    clock,
    catalog: catalog.snapshot(),
    delivery,
    journal,
    metrics,
    newOfferId: () => `offer-${++offerSeq}`,
  });
  late.runtime = live;
  const loaded = loadConfig({});
  if (!loaded.ok) {
    throw new Error('the default configuration must load');
  }
  const app = await buildApp({
    config: { ...loaded.value, dataDir: dir },
    clock,
    apiKeys,
    catalog,
    metrics,
    runtime: live,
    frontLine: {
      delivery,
      channelBindings: bindings,
      staffSessions,
      offers: stores.offers,
      customers: createCustomerView({
        profiles: stores.profiles,
        catalog,
        journal,
        history: createCustomerHistory(db),
        tagIndex: () => live.currentCatalog().tagIndex,
      }),
      ...(options.heartbeatMs !== undefined && { heartbeatMs: options.heartbeatMs }),
    },
  });
  return {
    app,
    db,
    runtime: live,
    delivery,
    bindings,
    catalog,
    metrics,
    logLines,
    keys,
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    request: ({ as, headers, ...rest }) =>
      app.inject({
        ...rest,
        headers: { ...headers, ...(as && { authorization: `Bearer ${keys[as]}` }) },
      }),
    addQualifiedCustomer(customerId) {
      const applied = live.applyProfileChanges([
        { customerId, attributes: { arpu: 80 }, tags: { '5g-user': true } },
      ]);
      if (!applied.ok) {
        throw new Error(JSON.stringify(applied.issues));
      }
    },
    close: async () => {
      await live.stop();
      await app.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
