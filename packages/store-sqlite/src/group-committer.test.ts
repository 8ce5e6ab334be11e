import type { CustomerEvent } from '@omnitouch/core';
import { buildCustomerEvent } from '@omnitouch/testkit';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../test/temp-database';
import { GroupCommitter, type BatchAppender } from './group-committer';
import { SqliteEventLog } from './sqlite-event-log';

const events = (...ids: string[]): CustomerEvent[] =>
  ids.map((eventId) => buildCustomerEvent({ eventId }));

/** The real log, counting how many transactions (groups) it was asked to commit. */
function countingLog(log: SqliteEventLog): BatchAppender & { groups: number[] } {
  const groups: number[] = [];
  return {
    groups,
    appendBatches(batches) {
      groups.push(batches.length);
      return log.appendBatches(batches);
    },
  };
}

describe(GroupCommitter.name, () => {
  let temp: TempDatabase;
  let log: SqliteEventLog;
  beforeEach(() => {
    temp = openTempDatabase();
    log = new SqliteEventLog(temp.db);
  });
  afterEach(() => temp.remove());

  it('commits appends arriving within the window as one transaction', async () => {
    const counting = countingLog(log);
    const committer = new GroupCommitter(counting, { maxDelayMs: 5 });
    const added = await Promise.all([
      committer.append(events('a1', 'a2')),
      committer.append(events('b1')),
      committer.append(events('c1', 'c2', 'c3')),
    ]);
    expect(added).toEqual([2, 1, 3]);
    expect(counting.groups).toEqual([3]);
    expect(log.read(0, 10).map((e) => e.eventId)).toEqual(['a1', 'a2', 'b1', 'c1', 'c2', 'c3']);
  });

  it('by default commits every append of one event-loop turn together', async () => {
    const counting = countingLog(log);
    const committer = new GroupCommitter(counting);
    const first = Promise.all([committer.append(events('a')), committer.append(events('b'))]);
    await expect(first).resolves.toEqual([1, 1]);
    await committer.append(events('c'));
    expect(counting.groups).toEqual([2, 1]);
  });

  it('resolves a caller only when another connection can already read its events', async () => {
    const committer = new GroupCommitter(log);
    const reader = new Database(temp.path, { readonly: true });
    const count = reader.prepare<[], number>('SELECT count(*) FROM event_log').pluck();
    try {
      const pending = committer.append(events('e1', 'e2'));
      expect(count.get()).toBe(0);
      await pending;
      expect(count.get()).toBe(2);
    } finally {
      reader.close();
    }
  });

  it('counts a duplicate across two callers of one group once', async () => {
    const committer = new GroupCommitter(log);
    await committer.append(events('old'));
    const added = await Promise.all([
      committer.append(events('old', 'x')),
      committer.append(events('x', 'y')),
    ]);
    expect(added).toEqual([1, 1]);
    expect(log.size()).toBe(3);
  });

  it('rejects every caller of a failing group and writes nothing of it', async () => {
    temp.db.exec(`CREATE TRIGGER poison BEFORE INSERT ON event_log WHEN NEW.event_id = 'poison'
      BEGIN SELECT RAISE(ABORT, 'poisoned event'); END`);
    const committer = new GroupCommitter(log);
    const results = await Promise.allSettled([
      committer.append(events('a1', 'a2')),
      committer.append(events('poison')),
      committer.append(events('c1')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(log.size()).toBe(0);
    await expect(committer.append(events('a1'))).resolves.toBe(1);
    expect(log.read(0, 10).map((e) => e.eventId)).toEqual(['a1']);
  });

  it('commits at once when a group reaches maxEvents, without waiting for the window', async () => {
    const counting = countingLog(log);
    const committer = new GroupCommitter(counting, { maxDelayMs: 60_000, maxEvents: 3 });
    const first = committer.append(events('a', 'b'));
    const second = committer.append(events('c'));
    await expect(Promise.all([first, second])).resolves.toEqual([2, 1]);
    expect(counting.groups).toEqual([2]);
  });

  it('commits what is waiting on flush, for a graceful shutdown', async () => {
    const committer = new GroupCommitter(log, { maxDelayMs: 60_000 });
    const pending = committer.append(events('a'));
    committer.flush();
    expect(log.size()).toBe(1);
    await expect(pending).resolves.toBe(1);
    committer.flush();
    expect(log.size()).toBe(1);
  });
});
