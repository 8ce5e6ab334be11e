import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../test/temp-database';
import { startBackgroundCheckpointer } from './background-checkpointer';

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

    const checkpointer = startBackgroundCheckpointer(path, 20);
    await expect
      .poll(() => statSync(path).size, { timeout: 5_000 })
      .toBeGreaterThan(before + 500_000);
    await checkpointer.stop();
    expect(db.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 2_000 });
  });
});
