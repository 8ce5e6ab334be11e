/**
 * Quick throughput figure: events/s acknowledged (committed) through GroupCommitter, with
 * concurrent callers each appending 100-event batches. Not a test; run by hand:
 *   npx tsx packages/store-sqlite/test/measure-group-commit.ts [events-per-call, default 100]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GroupCommitter,
  SqliteEventLog,
  openSqliteDatabase,
  type GroupCommitOptions,
} from '../src/index';

const batchSize = Number(process.argv[2] ?? 100);
const callers = 32;
const batchesPerCaller = Math.max(1, Math.round(2_000 / batchSize));

async function measure(
  label: string,
  synchronous: 'normal' | 'full',
  options: GroupCommitOptions,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'omnitouch-bench-'));
  const db = openSqliteDatabase(join(dir, 'bench.db'), { synchronous });
  const committer = new GroupCommitter(new SqliteEventLog(db), options);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async (_, caller) => {
      for (let batch = 0; batch < batchesPerCaller; batch++) {
        await committer.append(
          Array.from({ length: batchSize }, (_, index) => ({
            eventId: `c${caller}-b${batch}-${index}`,
            customerId: `customer-${(caller * 7919 + index) % 100_000}`,
            type: 'top-up',
            occurredAt: 1_764_000_000_000 + batch,
            properties: { amount: 50, channel: 'app' },
          })),
        );
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const events = callers * batchesPerCaller * batchSize;
  console.log(
    `${label}: ${Math.round(events / seconds).toLocaleString('en')} events/s (${events} events, ${seconds.toFixed(2)} s)`,
  );
  db.close();
  rmSync(dir, { recursive: true, force: true });
}

await measure('group commit 2 ms, synchronous=NORMAL', 'normal', { maxDelayMs: 2 });
await measure('group commit same turn, synchronous=NORMAL', 'normal', { maxDelayMs: 0 });
await measure('one commit per call, synchronous=NORMAL', 'normal', { maxEvents: 1 });
await measure('group commit 2 ms, synchronous=FULL', 'full', { maxDelayMs: 2 });
await measure('group commit same turn, synchronous=FULL', 'full', { maxDelayMs: 0 });
await measure('one commit per call, synchronous=FULL', 'full', { maxEvents: 1 });
