import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase, type SqliteDatabase } from '../sqlite-database';
import { SqliteEventLog } from '../sqlite-event-log';
import { SqlitePipelineCursor } from './sqlite-pipeline-cursor';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function openDb(dir = mkdtempSync(join(tmpdir(), 'cursor-'))): { db: SqliteDatabase; dir: string } {
  dirs.push(dir);
  return { db: openSqliteDatabase(join(dir, 'db.sqlite')), dir };
}
const event = (eventId: string) => ({
  eventId,
  customerId: 'c',
  type: 't',
  occurredAt: 1,
  properties: {},
});

describe(SqlitePipelineCursor.name, () => {
  it('starts at 0 and lists the log rows after a position, without duplicates', () => {
    const { db } = openDb();
    new SqliteEventLog(db).append([event('a'), event('b'), event('a'), event('c')]);
    const cursor = new SqlitePipelineCursor(db, 'decisions');
    expect(cursor.position()).toBe(0);
    expect(cursor.readAfter(1, 10)).toEqual([
      { position: 2, eventId: 'b' },
      { position: 3, eventId: 'c' },
    ]);
    expect(cursor.readEvent({ position: 3, eventId: 'c' })).toEqual(event('c'));
  });

  it('keeps its position across a reopen and per name', () => {
    const { db, dir } = openDb();
    new SqlitePipelineCursor(db, 'decisions').advance(7);
    new SqlitePipelineCursor(db, 'other').advance(2);
    db.close();
    const reopened = openDb(dir).db;
    expect(new SqlitePipelineCursor(reopened, 'decisions').position()).toBe(7);
    expect(new SqlitePipelineCursor(reopened, 'other').position()).toBe(2);
    reopened.close();
  });

  it('rolls back with the transaction it was advanced in', () => {
    const { db } = openDb();
    const cursor = new SqlitePipelineCursor(db, 'decisions');
    expect(() =>
      db.transaction(() => {
        cursor.advance(5);
        throw new Error('decision failed');
      })(),
    ).toThrow('decision failed');
    expect(cursor.position()).toBe(0);
  });
});
