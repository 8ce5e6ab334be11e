import { buildTagIndex, type CatalogSnapshot, type CustomerEvent } from '@omnitouch/core';
import { generateEventStream, generateOperatorCatalog, generatePopulation } from '@omnitouch/demo';
import { toProfileChange } from '@omnitouch/server';
import type { BenchServer } from './omnitouch-server';

/** Seed of every generated part, so two runs load the same operator. */
export const benchSeed = 2026;

/** Profiles per `POST /api/v1/imports/profiles` request (each one streamed and applied in chunks). */
const profilesPerUpload = 5_000;

/**
 * The synthetic operator (1,200 tags, 112 event types, 20 touchpoints, 1,000 live cases) with its
 * cases valid around `now`: the server decides with the wall clock.
 */
export function buildOperatorCatalog(now: number): CatalogSnapshot {
  return generateOperatorCatalog({ seed: benchSeed, cases: 1_000, referenceTime: now });
}

/** Sends an authenticated JSON request; throws with the answer unless it is 2xx. */
export async function requestJson(
  server: BenchServer,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${server.apiKey}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return text.length > 0 ? (JSON.parse(text) as unknown) : undefined;
}

/**
 * Loads the operator through the public API, as a deployment would: the catalog with `PUT
 * /api/v1/catalog`, then `customers` generated profiles as NDJSON `ProfileChange` lines with `POST
 * /api/v1/imports/profiles`. Returns how long each part took (ms).
 */
export async function loadOperator(
  server: BenchServer,
  snapshot: CatalogSnapshot,
  customers: number,
  now: number,
): Promise<{ readonly catalogMs: number; readonly profilesMs: number }> {
  let started = performance.now();
  await requestJson(server, 'PUT', '/api/v1/catalog', snapshot);
  const catalogMs = performance.now() - started;
  started = performance.now();
  const tagIndex = buildTagIndex(snapshot.tagCatalog);
  const staticTags = [...tagIndex.staticBits];
  let lines: string[] = [];
  const upload = async () => {
    const job = (await uploadProfiles(server, lines.join('\n'))) as { rejected?: number };
    if ((job.rejected ?? 0) > 0) {
      throw new Error(`the profile import rejected rows: ${JSON.stringify(job).slice(0, 500)}`);
    }
    lines = [];
  };
  for (const profile of generatePopulation({
    seed: benchSeed,
    customers,
    catalog: snapshot,
    tagIndex,
    referenceTime: now,
  })) {
    lines.push(JSON.stringify(toProfileChange(profile, staticTags)));
    if (lines.length >= profilesPerUpload) {
      await upload();
    }
  }
  if (lines.length > 0) {
    await upload();
  }
  return { catalogMs, profilesMs: performance.now() - started };
}

async function uploadProfiles(server: BenchServer, ndjson: string): Promise<unknown> {
  const response = await fetch(`${server.url}/api/v1/imports/profiles`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${server.apiKey}`,
      'content-type': 'application/x-ndjson',
    },
    body: ndjson,
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`profile import answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return JSON.parse(text) as unknown;
}

/**
 * `count` events of the operator's realistic mix for customers `0 … customers - 1`, all stamped
 * within a second of `now` (the server's clock is the wall clock).
 */
export function generateOperatorEvents(
  snapshot: CatalogSnapshot,
  customers: number,
  count: number,
  now: number,
  seed = benchSeed,
): CustomerEvent[] {
  return [
    ...generateEventStream({
      seed,
      catalog: snapshot,
      customers,
      startAt: now,
      eventsPerSecond: Math.max(count, 1),
      count,
    }),
  ];
}
