import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorBody, ImportJob, ImportJobList } from '@omnitouch/contracts';
import { createImportJobs } from '../../import/import-jobs';
import {
  buildRuntimeCatalog,
  createRuntimeHarness,
  type RuntimeHarness,
} from '../../runtime/runtime.fixtures';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { registerImportRoutes } from './imports.routes';
import { issueFields } from '../../testing/error-issues';

let t: TestApp;
let h: RuntimeHarness;
beforeEach(async () => {
  t = await createTestApp();
  h = createRuntimeHarness();
  let next = 0;
  registerImportRoutes(t.app, {
    runtime: h.runtime,
    catalog: { snapshot: () => buildRuntimeCatalog() },
    clock: { now: () => 1_000 },
    jobs: createImportJobs(() => `imp-${++next}`),
  });
});
afterEach(async () => {
  await t.close();
  h.close();
});

const csv = (_body: string) => ({ 'content-type': 'text/csv' });
const ndjson = { 'content-type': 'application/x-ndjson' };
const topUp = (eventId: string, customerId: string) => ({
  eventId,
  customerId,
  type: 'top-up',
  occurredAt: Date.UTC(2026, 5, 1, 4),
  properties: { amount: 80 },
});

/** Whether a qualifying top-up by `customerId` now yields an offer (5g-user and ARPU > 50). */
async function isTargeted(customerId: string): Promise<boolean> {
  const receipt = await h.runtime.ingest([topUp(`probe-${customerId}`, customerId)]);
  return receipt.ok && (receipt.value.decisions[0]?.actions.length ?? 0) > 0;
}

describe(registerImportRoutes.name, () => {
  it('imports a CSV of tags and attributes, reporting bad rows by line and field', async () => {
    const payload = [
      'customerId,arpu,5g-user,tags',
      'c1,88.5,1,',
      '"c2",12,1,',
      'c3,lots,1,',
      'c4,99,,5g-user',
      'c5,"70",yes,"nope|5g-user"',
      'c6,77,1',
    ].join('\r\n');
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/imports/profiles',
      payload,
      headers: csv(payload),
      as: 'planner',
    });
    expect(response.statusCode).toBe(200);
    const job = response.json<ImportJob>();
    expect(job).toMatchObject({
      id: 'imp-1',
      status: 'completed',
      rowsRead: 6,
      rowsApplied: 3,
      rowsRejected: 3,
    });
    expect(job.errors).toEqual([
      { line: 4, field: 'arpu', reason: 'must be a number' },
      { line: 6, field: 'tags', reason: 'unknown tag "nope"' },
      { line: 7, field: '', reason: 'expected 4 fields as in the header, found 3' },
    ]);
    expect(await isTargeted('c1')).toBe(true);
    expect(await isTargeted('c2')).toBe(false); // ARPU 12
    expect(await isTargeted('c4')).toBe(true); // tag from the tags column
  });

  it('answers 400 naming every unknown column of the header, applying nothing', async () => {
    const payload = 'id,arpu,colour\nc1,80,red\n';
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/imports/profiles',
      payload,
      headers: csv(payload),
      as: 'ingest',
    });
    expect(response.statusCode).toBe(400);
    expect(issueFields(response)).toEqual(['colour', 'customerId', 'id']);
  });

  it('imports NDJSON profile changes, skipping lines the runtime or the parser refuses', async () => {
    const payload = [
      JSON.stringify({ customerId: 'n1', attributes: { arpu: 90 }, tags: { '5g-user': true } }),
      '{"customerId": "n2", ',
      JSON.stringify({ customerId: 'n3', tags: { 'no-such-tag': true } }),
      '',
      JSON.stringify({ customerId: 'n4', attributes: { arpu: 60 }, tags: { '5g-user': true } }),
    ].join('\n');
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/imports/profiles',
      payload,
      headers: ndjson,
      as: 'planner',
    });
    const job = response.json<ImportJob>();
    expect(job).toMatchObject({ format: 'ndjson', rowsRead: 4, rowsApplied: 2, rowsRejected: 2 });
    expect(job.errors.map(({ line, field }) => ({ line, field }))).toEqual([
      { line: 2, field: '/' },
      { line: 3, field: '/tags/no-such-tag' },
    ]);
    expect(await isTargeted('n4')).toBe(true);
  });

  it('ingests NDJSON events in chunks, counting duplicates and reporting bad events', async () => {
    const payload = [
      JSON.stringify(topUp('e1', 'x1')),
      JSON.stringify({ ...topUp('e2', 'x1'), type: 'no-such-type' }),
      JSON.stringify(topUp('e3', 'x2')),
      JSON.stringify(topUp('e1', 'x1')),
    ].join('\n');
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/imports/events',
      payload,
      headers: ndjson,
      as: 'ingest',
    });
    expect(response.statusCode).toBe(200);
    const job = response.json<ImportJob>();
    expect(job).toMatchObject({
      kind: 'events',
      rowsRead: 4,
      rowsApplied: 2,
      duplicates: 1,
      rowsRejected: 1,
    });
    expect(job.errors[0]?.line).toBe(2);
  });

  it('shows a job by id and lists jobs newest first', async () => {
    const payload = 'customerId,arpu\nc1,80\n';
    await t.request({
      method: 'POST',
      url: '/api/v1/imports/profiles',
      payload,
      headers: csv(payload),
      as: 'planner',
    });
    const shown = await t.request({ method: 'GET', url: '/api/v1/imports/imp-1', as: 'ingest' });
    expect(shown.json<ImportJob>()).toMatchObject({ id: 'imp-1', rowsApplied: 1 });
    const listed = await t.request({ method: 'GET', url: '/api/v1/imports', as: 'planner' });
    expect(listed.json<ImportJobList>().items.map((job) => job.id)).toEqual(['imp-1']);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/imports/imp-9', as: 'admin' })).statusCode,
    ).toBe(404);
  });

  it('refuses a JSON body (400 naming content-type) and a text body (415)', async () => {
    const json = await t.request({
      method: 'POST',
      url: '/api/v1/imports/events',
      payload: { a: 1 },
      as: 'ingest',
    });
    expect(json.statusCode).toBe(400);
    expect(json.json<ErrorBody>().issues?.[0]?.field).toContain('content-type');
    const text = await t.request({
      method: 'POST',
      url: '/api/v1/imports/profiles',
      payload: 'x',
      headers: { 'content-type': 'text/plain' },
      as: 'ingest',
    });
    expect(text.statusCode).toBe(415);
  });

  it.each([
    ['POST', '/api/v1/imports/profiles'],
    ['POST', '/api/v1/imports/events'],
    ['GET', '/api/v1/imports'],
    ['GET', '/api/v1/imports/imp-1'],
  ] as const)('answers 401 to %s %s without a key and 403 to staff', async (method, url) => {
    const request = { method, url, payload: '', headers: ndjson };
    expect((await t.request(request)).statusCode).toBe(401);
    expect((await t.request({ ...request, as: 'staff' })).statusCode).toBe(403);
  });
});
