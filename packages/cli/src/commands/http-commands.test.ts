import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, startServer, type RunningServer } from '@omnitouch/server';
import type { CliIo } from '../cli-io';
import { runCli } from '../program';

const dir = mkdtempSync(join(tmpdir(), 'omnitouch-cli-'));
let server: RunningServer;
let adminKey = '';

const text = (en: string) => ({ 'zh-CN': en, en });

beforeAll(async () => {
  const loaded = loadConfig({ PORT: '0', DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent' });
  if (!loaded.ok) {
    throw new Error(JSON.stringify(loaded.issues));
  }
  server = await startServer(loaded.value);
  adminKey = server.createdAdminKey ?? '';
  const saved = server.catalog.replaceSnapshot({
    ...server.catalog.snapshot(),
    tagCatalog: {
      categories: [{ id: 'value', name: text('Value') }],
      tags: [{ id: '5g-user', categoryId: 'value', name: text('5G user'), kind: 'static' }],
      attributes: [{ id: 'arpu', categoryId: 'value', name: text('ARPU'), type: 'number' }],
    },
    eventTypes: [
      {
        id: 'top-up',
        name: text('Top-up'),
        category: 'billing',
        properties: { amount: { type: 'number', required: true } },
      },
    ],
  });
  expect(saved.ok).toBe(true);
}, 60_000);

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI in-process against the test server; answers the exit code and what it printed. */
async function omnitouch(...argv: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const io: CliIo = {
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
    env: { OMNITOUCH_URL: server.url, OMNITOUCH_API_KEY: adminKey },
    waitForShutdown: () => Promise.resolve(),
    progressIntervalMs: 0,
  };
  const code = await runCli(argv, io);
  return { code, output: lines.join('\n') };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const topUp = (id: string, customerId: string, occurredAt: number) =>
  JSON.stringify({
    eventId: id,
    customerId,
    type: 'top-up',
    occurredAt,
    properties: { amount: 50 },
  });

describe('omnitouch keys', () => {
  it('creates a key, lists it and revokes it', async () => {
    const created = await omnitouch('keys', 'create', '--role', 'staff', '--label', 'store 12');
    expect(created.code).toBe(0);
    const id = /created staff key (\S+)/.exec(created.output)?.[1] ?? '';
    expect(created.output).toMatch(/secret \(shown once\): otk_/);
    expect((await omnitouch('keys', 'list')).output).toMatch(
      new RegExp(`${id}\\tstaff\\tactive\\tstore 12`),
    );
    expect((await omnitouch('keys', 'revoke', id)).code).toBe(0);
    expect((await omnitouch('keys', 'list')).output).toMatch(new RegExp(`${id}\\tstaff\\trevoked`));
  });

  it('exits 1 with the server error when the key is wrong', async () => {
    const result = await omnitouch('keys', 'list', '--key', 'otk_not-a-key');
    expect(result.code).toBe(1);
    expect(result.output).toContain('HTTP 401 invalid-api-key');
  });
});

describe('omnitouch import', () => {
  it('streams a profile CSV and prints the counts and the rejected rows', async () => {
    const path = file('profiles.csv', 'customerId,arpu,5g-user\nc1,88,1\nc2,lots,0\n"c3",12,0\n');
    const result = await omnitouch('import', path);
    expect(result.code).toBe(0);
    expect(result.output).toContain('uploaded');
    expect(result.output).toMatch(/completed: 3 rows read, 2 applied, 1 rejected/);
    expect(result.output).toContain('line 3 arpu: must be a number');
  });

  it('streams NDJSON events and counts duplicates', async () => {
    const path = file(
      'events.ndjson',
      [topUp('i1', 'c1', 1), topUp('i2', 'c2', 2), topUp('i1', 'c1', 1)].join('\n'),
    );
    const result = await omnitouch('import', path, '--kind', 'events');
    expect(result.output).toMatch(/3 rows read, 2 applied, 0 rejected, 1 duplicates/);
  });

  it('exits 1 naming the unknown column of a bad header', async () => {
    const result = await omnitouch('import', file('bad.csv', 'customerId,colour\nc1,red\n'));
    expect(result.code).toBe(1);
    expect(result.output).toContain('colour: neither an attribute nor a tag of the catalog');
  });
});

describe('omnitouch replay', () => {
  it('sends the events in batches to /api/v1/events', async () => {
    const lines = [0, 1, 2, 3, 4].map((i) => topUp(`r${i}`, `c${i}`, 1_000 + i * 10));
    const result = await omnitouch(
      'replay',
      file('replay.ndjson', lines.join('\n')),
      '--speed',
      '0',
      '--batch',
      '2',
    );
    expect(result.code).toBe(0);
    expect(result.output).toContain('sent 5 events (5 new, 0 duplicates');
    expect(result.output).toContain('done: 5 events replayed');
  });
});

describe('omnitouch serve', () => {
  it('starts a server in-process that answers until shutdown', async () => {
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const lines: string[] = [];
    let listening: (url: string) => void = () => {};
    const url = new Promise<string>((resolve) => (listening = resolve));
    const io: CliIo = {
      out: (line) => {
        lines.push(line);
        const match = /listening on (\S+)/.exec(line);
        if (match?.[1] !== undefined) {
          listening(match[1]);
        }
      },
      err: (line) => lines.push(line),
      env: { LOG_LEVEL: 'silent' },
      waitForShutdown: () => stopped,
    };
    const run = runCli(['serve', '--port', '0', '--data-dir', join(dir, 'serve')], io);
    const health = await fetch(`${await url}/healthz`);
    expect(health.status).toBe(200);
    expect(lines.join('\n')).toContain('Created an admin API key');
    stop();
    expect(await run).toBe(0);
  });
});
