import type { CustomerEvent, Decision } from '@omnitouch/core';
import {
  type LoggedEventRow,
  type SqliteDatabase,
  type SqlitePipelineCursor,
} from '@omnitouch/store-sqlite';
import type { DecisionEngine } from '@omnitouch/engine';
import type { DecisionJournal, DeliveryService } from '../delivery/delivery-service';
import type { ProfileCache } from './profile-cache';

/** An event a live `ingest` call appended, waiting for its decision. */
export interface PendingEvent {
  readonly event: CustomerEvent;
  readonly explain: boolean;
  decision?: Decision;
}

export interface EventProcessorDeps {
  readonly db: SqliteDatabase;
  readonly engine: DecisionEngine;
  readonly cursor: SqlitePipelineCursor;
  readonly profiles: ProfileCache;
  readonly delivery: DeliveryService;
  readonly journal: DecisionJournal;
  readonly now: () => number;
  /** Called per decided event with the pipeline's seconds (metrics). */
  readonly onDecided?: (decision: Decision, seconds: number) => void;
  /** An event the pipeline threw on (a bug): skipped so it cannot block the log. */
  readonly onFailed?: (event: CustomerEvent, error: unknown) => void;
}

/** How many log rows one transaction decides at most (bounds how long it holds the event loop). */
const rowsPerTransaction = 2000;

/**
 * Decides every logged event after the cursor, in log order: each chunk in ONE transaction that
 * also records the decisions, persists the delivery actions and advances the cursor — so after a
 * crash an event is decided exactly once. Events appended by live calls are taken from `pending`
 * (no re-parse); the rest (recovery) are read back from the log. Returns how many were decided.
 */
export function createEventProcessor(
  deps: EventProcessorDeps,
  pending: ReadonlyMap<string, PendingEvent>,
): () => number {
  let position = deps.cursor.position();

  const decideRow = (row: LoggedEventRow): void => {
    const waiting = pending.get(row.eventId);
    const event = waiting?.event ?? deps.cursor.readEvent(row);
    const started = performance.now();
    const result = deps.engine.ingest(event, { explain: waiting?.explain === true });
    if (!result.ok) {
      return; // its type left the catalog since it was accepted: nothing to decide
    }
    const decision = result.value;
    deps.onDecided?.(decision, (performance.now() - started) / 1000);
    deps.journal.recordDecision({
      at: deps.now(),
      eventId: event.eventId,
      trigger: 'event',
      decision,
    });
    if (decision.actions.length > 0) {
      deps.delivery.enqueue(decision.actions);
    }
    if (waiting !== undefined) {
      waiting.decision = decision;
    }
  };

  const decideRows = deps.db.transaction((rows: readonly LoggedEventRow[]) => {
    rows.forEach(decideRow);
    deps.profiles.flush();
    deps.cursor.advance(rows[rows.length - 1]?.position ?? position);
  });

  const decideChunk = (rows: readonly LoggedEventRow[]): void => {
    try {
      decideRows(rows);
    } catch {
      deps.profiles.discard();
      // One event the pipeline throws on must not block every later one: retry one by one.
      for (const row of rows) {
        try {
          decideRows([row]);
        } catch (error) {
          deps.profiles.discard();
          deps.onFailed?.(deps.cursor.readEvent(row), error);
          deps.cursor.advance(row.position);
        }
      }
    }
  };

  return () => {
    let decided = 0;
    for (;;) {
      const rows = deps.cursor.readAfter(position, rowsPerTransaction);
      const last = rows[rows.length - 1];
      if (last === undefined) {
        return decided;
      }
      decideChunk(rows);
      position = last.position;
      decided += rows.length;
    }
  };
}
