import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SqliteProfileStore } from '@omnitouch/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerTestApp, type ServerTestApp } from '../../src/composition/server.fixtures';
import { starbucksCatalog } from './starbucks-catalog';

/** `<repo>/../shared/data/starbucks` (see its SOURCE.md); the data set is not shipped with the product. */
const dataDir = fileURLToPath(new URL('../../../../../shared/data/starbucks/', import.meta.url));
if (!existsSync(`${dataDir}transcript.json`)) {
  throw new Error(`the Starbucks data set is missing: expected it in ${dataDir}`);
}

interface Profile {
  id: string;
  gender: 'M' | 'F' | 'O' | null;
  age: number;
  income: number | null;
  became_member_on: string;
}
interface TranscriptLine {
  person: string;
  event: string;
  time: number;
  value: Record<string, unknown>;
}

/** JSON Lines, skipping the blank lines the transcript contains (114 of them). */
function readJsonLines<T>(file: string): T[] {
  return readFileSync(`${dataDir}${file}`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

const testStart = Date.UTC(2026, 0, 5);
const batchSize = 500;
let t: ServerTestApp;
beforeAll(async () => {
  t = await createServerTestApp({
    catalog: starbucksCatalog,
    now: () => testStart,
    config: { maxBodyBytes: 4_000_000 },
  });
});
afterAll(() => t.close());

const postBatch = (batch: unknown[]) =>
  t.server.app.inject({
    method: 'POST',
    url: '/v1/batch',
    headers: { authorization: `Basic ${Buffer.from(`${t.keys.ingest}:`).toString('base64')}` },
    payload: { batch },
  });

function identifyOf(profile: Profile) {
  const since = profile.became_member_on;
  return {
    type: 'identify',
    userId: profile.id,
    traits: {
      gender: profile.gender,
      age: profile.age === 118 ? null : profile.age, // 118 is the data set's missing-value code
      income: profile.income,
      'became-member-on': `${since.slice(0, 4)}-${since.slice(4, 6)}-${since.slice(6, 8)}`,
      tags: ['rewards-member'],
    },
  };
}

function trackOf(line: TranscriptLine, index: number) {
  // The quirk: `offer id` (space) on received/viewed, `offer_id` on completed.
  const { 'offer id': offerIdWithSpace, ...rest } = line.value;
  const properties =
    offerIdWithSpace === undefined ? rest : { offer_id: offerIdWithSpace, ...rest };
  return {
    type: 'track',
    userId: line.person,
    event: line.event,
    messageId: `starbucks-${index}`,
    timestamp: new Date(testStart + line.time * 3_600_000).toISOString(),
    properties,
  };
}

async function sendAll<T>(items: readonly T[], toMessage: (item: T, index: number) => unknown) {
  const totals = { accepted: 0, duplicates: 0, profiles: 0 };
  for (let start = 0; start < items.length; start += batchSize) {
    const batch = items
      .slice(start, start + batchSize)
      .map((item, i) => toMessage(item, start + i));
    const response = await postBatch(batch);
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    const body = response.json<typeof totals>();
    totals.accepted += body.accepted;
    totals.duplicates += body.duplicates;
    totals.profiles += body.profiles;
  }
  return totals;
}

describe('Starbucks rewards-app replay through POST /v1/batch', () => {
  it('imports 17,000 profiles and accepts all 306,534 transcript events by type', async () => {
    const profiles = readJsonLines<Profile>('profile.json');
    const identified = await sendAll(profiles, identifyOf);
    expect(identified.profiles).toBe(17_000);
    expect(new SqliteProfileStore(t.server.db).count()).toBe(17_000);

    const transcript = readJsonLines<TranscriptLine>('transcript.json');
    expect(transcript).toHaveLength(306_534);
    const replayed = await sendAll(transcript, trackOf);
    expect(replayed).toEqual({ accepted: 306_534, duplicates: 0, profiles: 0 });

    const byType = Object.fromEntries(
      (
        t.server.db
          .prepare(
            "SELECT json_extract(payload, '$.type') AS type, count(*) AS n FROM event_log GROUP BY 1",
          )
          .all() as { type: string; n: number }[]
      ).map((row) => [row.type, row.n]),
    );
    expect(byType).toEqual({
      transaction: 138_953,
      'offer-received': 76_277,
      'offer-viewed': 57_725,
      'offer-completed': 33_579,
    });
    const profile = new SqliteProfileStore(t.server.db).get('0610b486422d4921ae7d2bf64640c50b');
    expect(profile?.attributes).toEqual({
      gender: 'F',
      age: 55,
      income: 112_000,
      'became-member-on': Date.UTC(2017, 6, 15),
    });
    expect(profile?.eventCounts?.transaction).toBeDefined();
  }, 120_000);
});
