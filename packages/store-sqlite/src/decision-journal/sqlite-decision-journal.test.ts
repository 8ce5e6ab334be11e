import type { Decision, OfferInstance } from '@omnitouch/core';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase, type SqliteDatabase } from '../sqlite-database';
import { SqliteEventLog } from '../sqlite-event-log';
import { SqliteOutcomeStore } from '../sqlite-outcome-store';
import { SqliteCustomerHistory } from './sqlite-customer-history';
import { SqliteDecisionJournal } from './sqlite-decision-journal';

const now = Date.UTC(2026, 10, 25, 2, 0, 0);
const content = { 'zh-CN': '流量包', en: 'Data pack' };
const offer: OfferInstance = {
  offerId: 'offer-1',
  customerId: 'c-1',
  caseId: 'data-pack',
  caseVersion: 1,
  eventId: 'e-1',
  createdAt: now,
  expiresAt: now + 3_600_000,
  touchpointIds: ['sms'],
  score: 1,
  content,
  state: 'presented',
};
const delivered: Decision = {
  customerId: 'c-1',
  actions: [
    { kind: 'deliver', offer, touchpointId: 'sms', deliveryMethod: 'sms', content, at: now },
  ],
  trace: [{ caseId: 'data-pack', touchpointId: 'sms', reason: 'chosen' }],
};

let db: SqliteDatabase;
afterEach(() => db.close());

describe(SqliteDecisionJournal.name, () => {
  it('keeps decisions per customer, newest first, with compact actions and the trace', () => {
    db = openSqliteDatabase(':memory:');
    const journal = new SqliteDecisionJournal(db);
    expect(
      journal.recordDecision({ at: now, eventId: 'e-1', trigger: 'event', decision: delivered }),
    ).toBe(true);
    const held: Decision = { customerId: 'c-1', actions: [{ kind: 'hold', offer }] };
    journal.recordDecision({ at: now + 1, trigger: 'decide', decision: held });
    journal.recordDecision({
      at: now + 2,
      trigger: 'event',
      decision: { ...held, customerId: 'c-2' },
    });
    expect(journal.listDecisions('c-1', 10)).toEqual([
      {
        customerId: 'c-1',
        at: now + 1,
        trigger: 'decide',
        actions: [{ kind: 'hold', offerId: 'offer-1', caseId: 'data-pack' }],
      },
      {
        customerId: 'c-1',
        at: now,
        trigger: 'event',
        eventId: 'e-1',
        actions: [
          {
            kind: 'deliver',
            offerId: 'offer-1',
            caseId: 'data-pack',
            touchpointId: 'sms',
            deliveryMethod: 'sms',
            at: now,
          },
        ],
        trace: delivered.trace,
      },
    ]);
    expect(journal.listDecisions('c-1', 1)).toHaveLength(1);
  });

  it('skips a decision that did nothing and explains nothing', () => {
    db = openSqliteDatabase(':memory:');
    const journal = new SqliteDecisionJournal(db);
    const empty: Decision = { customerId: 'c-1', actions: [] };
    expect(journal.recordDecision({ at: now, trigger: 'event', decision: empty })).toBe(false);
    expect(journal.listDecisions('c-1', 10)).toEqual([]);
  });
});

describe(SqliteCustomerHistory.name, () => {
  it("reads one customer's events and outcomes newest first", () => {
    db = openSqliteDatabase(':memory:');
    const log = new SqliteEventLog(db);
    const event = (eventId: string, customerId: string) => ({
      eventId,
      customerId,
      type: 'top-up',
      occurredAt: now,
      properties: {},
    });
    log.append([event('e-1', 'c-1'), event('e-2', 'c-2'), event('e-3', 'c-1')]);
    const outcomes = new SqliteOutcomeStore(db);
    const record = {
      offerId: 'offer-1',
      customerId: 'c-1',
      caseId: 'data-pack',
      touchpointId: 'sms',
    };
    outcomes.append({ ...record, outcome: 'delivered', at: now });
    outcomes.append({ ...record, outcome: 'converted', at: now + 5, amount: 30, staffId: 'alice' });
    const history = new SqliteCustomerHistory(db);
    expect(history.listEvents('c-1', 10).map((e) => e.eventId)).toEqual(['e-3', 'e-1']);
    expect(history.listEvents('c-1', 1).map((e) => e.eventId)).toEqual(['e-3']);
    expect(history.listOutcomes('c-1', 10)).toEqual([
      { ...record, outcome: 'converted', at: now + 5, amount: 30, staffId: 'alice' },
      { ...record, outcome: 'delivered', at: now },
    ]);
    expect(history.listOutcomes('c-2', 10)).toEqual([]);
  });
});
