import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportJob } from '@omnitouch/contracts';
import { createImportJobs } from '../../import/import-jobs';
import type { ProfileChange } from '../../runtime/decision-runtime';
import { buildRuntimeCatalog } from '../../runtime/runtime.fixtures';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { registerImportRoutes } from './imports.routes';

// Garbage is not retention: collect before each sample so only live memory is measured.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const rows = 200_000;
/** ~250 bytes a row: 50 MB of CSV, far more than the import may hold at once. */
const padding = 'x'.repeat(220);

let t: TestApp;
let applied = 0;
let lastCustomer = '';
beforeEach(async () => {
  t = await createTestApp();
  applied = 0;
  const catalog = buildRuntimeCatalog();
  const note = {
    id: 'note',
    categoryId: 'value',
    name: { 'zh-CN': '备注', en: 'Note' },
    type: 'string' as const,
  };
  registerImportRoutes(t.app, {
    // Counts instead of storing, so what is measured is the import's own memory.
    runtime: {
      applyProfileChanges: (changes: readonly ProfileChange[]) => {
        applied += changes.length;
        lastCustomer = changes.at(-1)?.customerId ?? lastCustomer;
        return { ok: true, value: { applied: changes.length } };
      },
      ingest: () => Promise.reject(new Error('not used')),
    },
    catalog: {
      snapshot: () => ({
        ...catalog,
        tagCatalog: { ...catalog.tagCatalog, attributes: [...catalog.tagCatalog.attributes, note] },
      }),
    },
    clock: { now: () => 0 },
    jobs: createImportJobs(),
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  await t.close();
});

function* csvRows(): Generator<string> {
  yield 'customerId,arpu,5g-user,note\n';
  for (let i = 0; i < rows; i++) {
    // Every 10,000th row has a bad ARPU; quotes and commas in the note exercise the parser.
    const arpu = i % 10_000 === 9_999 ? 'n/a' : String(i % 300);
    yield `c${i},${arpu},${i % 2},"${padding}, ""quoted"""\n`;
  }
}

function postStream(port: number, secret: string): Promise<ImportJob> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/api/v1/imports/profiles',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${secret}` },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve(JSON.parse(body) as ImportJob));
      },
    );
    request.on('error', reject);
    Readable.from(csvRows()).pipe(request);
  });
}

describe(`${registerImportRoutes.name} (streaming)`, () => {
  it('streams 200,000 CSV rows over HTTP with bounded memory and exact counts', async () => {
    const address = t.app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const used = () => {
      collectGarbage();
      const memory = process.memoryUsage();
      return memory.heapUsed + memory.arrayBuffers;
    };
    const baseline = used();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, used())), 100);
    const started = performance.now();
    const job = await postStream(port, t.keys.ingest);
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `imported ${rows} rows (${((rows * 250) / 1e6).toFixed(0)} MB) in ${seconds.toFixed(1)} s; ` +
        `peak live heap+buffers growth ${((peak - baseline) / 1e6).toFixed(1)} MB`,
    );
    expect(job).toMatchObject({
      status: 'completed',
      rowsRead: rows,
      rowsApplied: rows - 20,
      rowsRejected: 20,
    });
    expect(job.errors[0]).toEqual({ line: 10_001, field: 'arpu', reason: 'must be a number' });
    expect(applied).toBe(rows - 20);
    expect(lastCustomer).toBe(`c${rows - 2}`); // the last row has the bad ARPU
    // Holding the file would take ≥ 50 MB of buffers plus ~100 MB of UTF-16 text.
    expect(peak - baseline).toBeLessThan(20e6);
  }, 60_000);
});
