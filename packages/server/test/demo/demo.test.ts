import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadConfig,
  startDemo,
  startServer,
  type RunningDemo,
  type RunningServer,
} from '../../src/index';

interface DecideReply {
  readonly customerId: string;
  readonly offers: readonly { readonly offerId: string; readonly caseId: string }[];
}

const dir = mkdtempSync(join(tmpdir(), 'omnitouch-demo-'));
let server: RunningServer;
let demo: RunningDemo;
const printed: string[] = [];

function demoConfig() {
  const loaded = loadConfig({ PORT: '0', DATA_DIR: dir, DEMO: 'true', LOG_LEVEL: 'silent' });
  if (!loaded.ok) {
    throw new Error(JSON.stringify(loaded.issues));
  }
  return loaded.value;
}

async function startDemoServer(): Promise<void> {
  const config = demoConfig();
  server = await startServer(config, {
    onStarted: async (started) => {
      demo = await startDemo(started, config, {
        customers: 3000,
        print: (line) => printed.push(line),
      });
    },
  });
}

async function decide(): Promise<{ status: number; reply: DecideReply }> {
  // What the user pastes: the same URL, header and body the banner printed.
  const body = /-d '(.+)'$/.exec(demo.banner.decideCurl)?.[1] ?? '';
  expect(JSON.parse(body)).toEqual(demo.banner.decideRequest);
  const response = await fetch(`${server.url}/api/v1/decide`, {
    method: 'POST',
    headers: { authorization: `Bearer ${demo.banner.apiKey}`, 'content-type': 'application/json' },
    body,
  });
  return { status: response.status, reply: (await response.json()) as DecideReply };
}

beforeAll(startDemoServer, 60_000);

afterAll(async () => {
  await demo.stop();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(startDemo.name, () => {
  it('prints the URL, an API key and curls for a decision and the clerk stream', () => {
    const text = printed.join('\n');
    expect(text).toContain(server.url);
    expect(text).toContain(demo.banner.apiKey);
    expect(text).toContain(demo.banner.decideCurl);
    expect(text).toContain('/api/v1/touchpoints/store-clerk-screen/stream');
    expect(demo.loadedNow).toBe(true);
  });

  it('answers the printed decide request with 200 and the open offer', async () => {
    const { status, reply } = await decide();
    expect(status).toBe(200);
    expect(reply.customerId).toBe(demo.banner.decideRequest.customerId);
    expect(reply.offers.length).toBeGreaterThan(0);
  });

  it('keeps feeding live events into the runtime', async () => {
    const before = demo.feed.stats().sent;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(demo.feed.stats().sent).toBeGreaterThan(before);
  });

  it('reuses the operator already loaded in the data directory after a restart', async () => {
    await demo.stop();
    await server.close();
    await startDemoServer();
    expect(demo.loadedNow).toBe(false);
    const { status, reply } = await decide();
    expect(status).toBe(200);
    expect(reply.offers.length).toBeGreaterThan(0);
  }, 60_000);
});
