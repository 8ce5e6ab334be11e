import {
  SqliteCustomerHistory,
  SqliteDecisionJournal,
  type SqliteDatabase,
} from '@omnitouch/store-sqlite';
import type { DecisionJournal } from './delivery-service';

/** The journal the runtime writes decisions to; the customer routes read it back. */
export function createDecisionJournal(db: SqliteDatabase): DecisionJournal & SqliteDecisionJournal {
  return new SqliteDecisionJournal(db);
}

/** Reads a customer's events and outcomes for the timeline. */
export function createCustomerHistory(db: SqliteDatabase): SqliteCustomerHistory {
  return new SqliteCustomerHistory(db);
}
