import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateOperatorCatalog } from '@omnitouch/demo';
import { SqliteApiKeyStore } from '@omnitouch/store-sqlite';
import type { RunningServer } from '../composition/start-server';
import type { Config } from '../config';
import {
  formatDemoBanner,
  demoStreamTouchpointId,
  type DemoBanner,
  type DemoFigures,
} from './demo-banner';
import { loadDemoPopulation } from './demo-population';
import { startLiveEventFeed, type LiveEventFeed } from './live-event-feed';

/** Sizes and pace of the demo; the defaults start in a few seconds on a laptop. */
export interface DemoOptions {
  readonly seed?: number;
  readonly customers?: number;
  readonly cases?: number;
  readonly eventsPerSecond?: number;
  /** How long to wait for the first open offer to show in the banner (ms). */
  readonly spotlightTimeoutMs?: number;
  /** Where the banner and progress lines go (stdout in the CLI). */
  readonly print?: (line: string) => void;
}

/** The running demo: its banner and live feed; `stop` ends the feed (before the server closes). */
export interface RunningDemo {
  readonly banner: DemoBanner;
  readonly feed: LiveEventFeed;
  readonly loadedNow: boolean;
  stop(): Promise<void>;
}

const markerFile = 'demo-operator.json';

/**
 * Loads the synthetic telecom operator into a started server (catalog through the catalog service,
 * customers through the runtime, both skipped when this data directory already has them), starts
 * the live event generator and, once an event opened an offer, prints the banner.
 */
export async function startDemo(
  server: RunningServer,
  config: Config,
  options: DemoOptions = {},
): Promise<RunningDemo> {
  const print = options.print ?? (() => undefined);
  const seed = options.seed ?? 2026;
  const figures = loadOrReuse(server, config, seed, options, print);
  const feed = startLiveEventFeed({
    runtime: server.runtime,
    snapshot: server.catalog.snapshot(),
    seed,
    customers: figures.customers,
    eventsPerSecond: figures.eventsPerSecond,
    now: () => Date.now(),
    preferredTouchpointId: demoStreamTouchpointId,
    onError: (error) => server.app.log.error({ err: error }, 'demo event generator'),
  });
  // The feed must stop before the runtime and the database close, whoever closes the server.
  server.app.server.once('close', () => void feed.stop());
  const timeoutMs = options.spotlightTimeoutMs ?? 20_000;
  // The store clerk's screen makes the best first decision; any inbound touchpoint will do after a while.
  const spotlight =
    (await waitFor(() => feed.spotlight({ preferredOnly: true }), Math.min(5_000, timeoutMs))) ??
    (await waitFor(() => feed.spotlight(), timeoutMs));
  if (spotlight === undefined) {
    await feed.stop();
    throw new Error('the demo opened no offer for an inbound touchpoint in time');
  }
  const banner = formatDemoBanner(server.url, demoApiKey(server, config), spotlight, figures);
  banner.lines.forEach((line) => print(line));
  return { banner, feed, loadedNow: figures.loadedNow, stop: () => feed.stop() };
}

function loadOrReuse(
  server: RunningServer,
  config: Config,
  seed: number,
  options: DemoOptions,
  print: (line: string) => void,
): DemoFigures & { readonly loadedNow: boolean } {
  const marker = join(config.dataDir, markerFile);
  const eventsPerSecond = options.eventsPerSecond ?? 100;
  if (existsSync(marker) && server.catalog.snapshot().touchpoints.length > 0) {
    const saved = JSON.parse(readFileSync(marker, 'utf8')) as Omit<DemoFigures, 'eventsPerSecond'>;
    print(`Demo operator already loaded in ${config.dataDir}: reusing it.`);
    return { ...saved, eventsPerSecond, loadedNow: false };
  }
  const customers = options.customers ?? 10_000;
  print(`Loading the synthetic operator: ${customers.toLocaleString('en-US')} customers…`);
  // Cases are valid around the reference time: put it at today so they are live now.
  const snapshot = generateOperatorCatalog({
    seed,
    cases: options.cases ?? 300,
    referenceTime: Date.now(),
  });
  const saved = server.catalog.replaceSnapshot(snapshot, { savedBy: 'demo' });
  if (!saved.ok) {
    throw new Error(`demo catalog refused: ${JSON.stringify(saved)}`);
  }
  loadDemoPopulation(server.runtime, snapshot, { seed, customers, referenceTime: Date.now() });
  const figures = {
    customers,
    eventTypes: snapshot.eventTypes.length,
    touchpoints: snapshot.touchpoints.length,
    cases: snapshot.cases.length,
  };
  // Written last: a start that died half-way loads everything again next time.
  writeFileSync(marker, JSON.stringify(figures));
  return { ...figures, eventsPerSecond, loadedNow: true };
}

/** The key the banner shows: the one created at this start, the bootstrap key, or a new admin key. */
function demoApiKey(server: RunningServer, config: Config): string {
  return (
    server.createdAdminKey ??
    config.bootstrapAdminKey ??
    new SqliteApiKeyStore(server.db).create({
      role: 'admin',
      label: 'demo banner',
      now: Date.now(),
    }).secret
  );
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (let value = probe(); Date.now() < deadline; value = probe()) {
    if (value !== undefined) {
      return value;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return probe();
}
