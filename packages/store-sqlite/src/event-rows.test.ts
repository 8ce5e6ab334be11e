import type { CustomerEvent } from '@omnitouch/core';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase, type SqliteDatabase } from './sqlite-database';
import { SqliteEventLog } from './sqlite-event-log';

const at = Date.UTC(2026, 10, 25);
const event = (eventId: string): CustomerEvent => ({
  eventId,
  customerId: `c-${eventId}`,
  type: 'top-up',
  occurredAt: at,
  properties: { amount: 1 },
});
const events = (ids: readonly string[]) => ids.map(event);

let db: SqliteDatabase;
afterEach(() => db.close());

/** What `insertWithin` reported, as `eventId@position#index`. */
function insertReporting(log: SqliteEventLog, batch: readonly CustomerEvent[]): string[] {
  const reported: string[] = [];
  log.insertWithin(batch, (added, position, index) =>
    reported.push(`${added.eventId}@${position}#${index}`),
  );
  return reported;
}

describe('SqliteEventLog.insertWithin', () => {
  it('reports every new event of a large batch at its log position, in order', () => {
    db = openSqliteDatabase(':memory:');
    const log = new SqliteEventLog(db);
    const ids = Array.from({ length: 87 }, (_, index) => `e${index}`); // 64 + 16 + 4 + 1 + 1 + 1
    const reported = insertReporting(log, events(ids));
    expect(reported).toEqual(ids.map((id, index) => `${id}@${index + 1}#${index}`));
    expect(log.read(0, 100).map((logged) => logged.eventId)).toEqual(ids);
  });

  it('skips duplicates, earlier ones and within the batch, and still reports true positions', () => {
    db = openSqliteDatabase(':memory:');
    const log = new SqliteEventLog(db);
    log.insertWithin(events(['a', 'b']), () => undefined);
    const batch = events([
      'x',
      'a',
      'y',
      'x',
      'b',
      'z',
      ...Array.from({ length: 20 }, (_, i) => `n${i}`),
    ]);
    const reported = insertReporting(log, batch);
    const fresh = ['x', 'y', 'z', ...Array.from({ length: 20 }, (_, i) => `n${i}`)];
    const indexes = [0, 2, 5, ...Array.from({ length: 20 }, (_, i) => 6 + i)];
    expect(reported).toEqual(fresh.map((id, n) => `${id}@${n + 3}#${indexes[n]}`));
    expect(log.read(0, 100).map((logged) => logged.eventId)).toEqual(['a', 'b', ...fresh]);
    expect(log.insertWithin(events(['a', 'z']), () => undefined)).toBe(0);
  });
});
