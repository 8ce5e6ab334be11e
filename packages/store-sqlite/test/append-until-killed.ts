/**
 * Child process of the kill -9 test: appends events through a GroupCommitter from several
 * concurrent writers, schedules and takes deferred deliveries, and prints a line only after the
 * transaction behind it has committed: `ack <eventId>`, `scheduled <offerId>`, `taken <offerId>`;
 * taken deliveries are also logged in the database (`taken_log`) in the transaction that took them.
 * Runs until killed. Usage: node --import tsx append-until-killed.ts <database-file>
 */
import { writeSync } from 'node:fs';
import {
  GroupCommitter,
  SqliteEventLog,
  SqliteScheduledDeliveryStore,
  openSqliteDatabase,
} from '../src/index';

const path = process.argv[2];
if (path === undefined) {
  throw new Error('usage: append-until-killed.ts <database-file>');
}
const db = openSqliteDatabase(path);
const committer = new GroupCommitter(new SqliteEventLog(db));
const deliveries = new SqliteScheduledDeliveryStore(db);
// What takeDue handed out is logged in the same transaction as the take (a PRIMARY KEY: handing
// one out twice would crash the child and fail the test), so the parent can check
// exactly (a printed line could still be in flight when kill -9 lands).
db.exec('CREATE TABLE IF NOT EXISTS taken_log (offer_id TEXT PRIMARY KEY)');
const logTaken = db.prepare<[string]>('INSERT INTO taken_log (offer_id) VALUES (?)');
const takeDueAndLog = db.transaction((now: number) => {
  const taken = deliveries.takeDue(now, 2);
  taken.forEach((delivery) => logTaken.run(delivery.offerId));
  return taken;
});
// A line must have left the process before the next step runs, or kill -9 could drop a line the
// parent then misses (seen under load with process.stdout): write straight to fd 1, retrying while
// the pipe is full.
const print = (line: string): void => {
  const bytes = Buffer.from(`${line}\n`);
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(1, bytes, offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') {
        throw error;
      }
    }
  }
};

async function runWriter(writer: number): Promise<never> {
  for (let round = 0; ; round++) {
    const events = Array.from({ length: 25 }, (_, index) => ({
      eventId: `w${writer}-r${round}-${index}`,
      customerId: `customer-${index}`,
      type: 'top-up',
      occurredAt: round,
      properties: { amount: 50 },
    }));
    await committer.append(events);
    events.forEach((event) => print(`ack ${event.eventId}`));
    const offerId = `d-w${writer}-r${round}`;
    deliveries.schedule({
      offerId,
      customerId: 'customer-1',
      caseId: 'case-1',
      touchpointId: 'sms',
      deliveryMethod: 'sms',
      content: { 'zh-CN': '您好', en: 'Hello' },
      deliverAt: round,
      expiresAt: round + 1000,
    });
    print(`scheduled ${offerId}`);
    if (round % 3 === 0) {
      takeDueAndLog(round).forEach((delivery) => print(`taken ${delivery.offerId}`));
    }
  }
}

void Promise.all([0, 1, 2, 3].map(runWriter));
