import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../test/temp-database';
import { startBackgroundCheckpointer } from './background-checkpointer';

const walSize = (path: string): number => statSync(`${path}-wal`).size;

describe(startBackgroundCheckpointer.name, () => {
  let temp: TempDatabase | undefined;
  afterEach(() => temp?.remove());

  it('moves committed WAL pages into the database file without the writer checkpointing', async () => {
    temp = openTempDatabase();
    const { db, path } = temp;
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)');
    const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2_000; i += 1) {
        insert.run('x'.repeat(500));
      }
    })();
    const before = statSync(path).size;

    const checkpointer = startBackgroundCheckpointer(db, { intervalMs: 20 });
    await expect
      .poll(() => statSync(path).size, { timeout: 5_000 })
      .toBeGreaterThan(before + 500_000);
    await checkpointer.stop();
    expect(db.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 2_000 });
  });

  it('keeps the WAL bounded while a writer commits without pause', async () => {
    temp = openTempDatabase();
    const { db, path } = temp;
    const limit = 2 * 1024 * 1024;
    db.pragma('wal_autocheckpoint = 0');
    db.pragma(`journal_size_limit = ${limit}`);
    db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)');
    const update = db.prepare('INSERT OR REPLACE INTO filler (id, text) VALUES (?, ?)');
    db.transaction(() => {
      for (let id = 0; id < 20_000; id += 1) {
        update.run(id, 'x'.repeat(400));
      }
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    const commit = db.transaction((round: number) => {
      for (let i = 0; i < 10; i += 1) {
        update.run((round * 7919 + i * 104_729) % 20_000, 'x'.repeat(400));
      }
    });
    let rewinds = 0;
    const checkpointer = startBackgroundCheckpointer(db, {
      intervalMs: 10,
      restartAboveBytes: limit,
      onRewind: () => (rewinds += 1),
    });
    let largest = 0;
    // Each commit rewrites 10 rows spread over ~2,000 pages, about 40 KB of WAL, once a
    // millisecond at most: about the server's own pace under batched ingest. It goes on until the
    // WAL has been rewound three times; the WAL grows past the limit only while a rewind's last
    // passes run (longer when other processes keep the disk busy).
    for (let round = 0; round < 5_000 && rewinds < 3; round += 1) {
      commit(round);
      largest = Math.max(largest, walSize(path));
      await sleep(1);
    }
    await checkpointer.stop();
    // Without the rewinds the WAL grows with everything written (about 200 MB here).
    expect(rewinds).toBeGreaterThanOrEqual(3);
    expect(largest).toBeLessThan(20 * limit);
    expect(db.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 20_000 });
  });

  it('rewinds once after a burst, not on every period while the file keeps its size', async () => {
    temp = openTempDatabase();
    const { db, path } = temp;
    const limit = 1024 * 1024;
    db.pragma('wal_autocheckpoint = 0');
    db.pragma(`journal_size_limit = ${8 * limit}`);
    db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT)');
    const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
    const write = db.transaction((rows: number) => {
      for (let i = 0; i < rows; i += 1) {
        insert.run('x'.repeat(400));
      }
    });
    write(10_000); // about 4× the limit
    const rewinds: number[] = [];
    const checkpointer = startBackgroundCheckpointer(db, {
      intervalMs: 10,
      restartAboveBytes: limit,
      onRewind: (ms) => rewinds.push(ms),
    });
    await expect.poll(() => rewinds.length, { timeout: 5_000 }).toBe(1);
    for (let round = 0; round < 30; round += 1) {
      write(5);
      await sleep(10);
    }
    await checkpointer.stop();
    expect(rewinds).toHaveLength(1);
    expect(walSize(path)).toBeGreaterThan(limit); // the file kept its size: only its content shrank
  });
});
