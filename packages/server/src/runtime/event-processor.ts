import type { CustomerEvent, Decision, DecisionCatalog } from '@omnitouch/core';
import {
  type LoggedEventRow,
  type SqliteDatabase,
  type SqlitePipelineCursor,
} from '@omnitouch/store-sqlite';
import type { DecisionEngine } from '@omnitouch/engine';
import type { DecisionJournal, DeliveryService } from '../delivery/delivery-service';
import type { RuntimeCaches } from './runtime-caches';

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
  readonly caches: RuntimeCaches;
  readonly delivery: DeliveryService;
  readonly journal: DecisionJournal;
  readonly now: () => number;
  /** Called per decided event with the pipeline's seconds (metrics). */
  readonly onDecided?: (decision: Decision, seconds: number) => void;
  /** An event the pipeline threw on (a bug): skipped so it cannot block the log. */
  readonly onFailed?: (event: CustomerEvent, error: unknown) => void;
}

/** An event just appended inside the caller's transaction, to decide in that same transaction. */
export interface AppendedEvent {
  /** Its 1-based log position. */
  readonly position: number;
  readonly event: CustomerEvent;
  readonly explain: boolean;
  /**
   * The catalog `event` was validated against when its request was accepted: while the engine
   * still runs that catalog it does not validate the event again.
   */
  readonly validatedAgainst?: DecisionCatalog | undefined;
}

/** Decides logged events in log order and moves the persisted cursor past them. */
export interface EventProcessor {
  /** The last decided log position. */
  position(): number;
  /**
   * Decides `appended` (which must follow the cursor directly, in log order) WITHOUT opening a
   * transaction: call it inside the one that appended them, so log, decisions and cursor commit
   * together. Throws whatever the pipeline throws; the caller's transaction then rolls back and the
   * caller must `discard` the caches. Returns the decisions, index for index (undefined: the
   * event's type left the catalog).
   */
  decideAppended(appended: readonly AppendedEvent[]): (Decision | undefined)[];
  /**
   * Decides every logged event after the cursor (recovery; or after a group whose one-transaction
   * commit failed), chunk by chunk in their own transactions; an event the pipeline throws on is
   * reported and skipped. Events in `pending` take their explain flag from it and get their decision
   * written back. Returns how many rows it went through.
   */
  catchUp(): number;
}

/** How many log rows one transaction decides at most (bounds how long it holds the event loop). */
const rowsPerTransaction = 2000;

/**
 * The runtime's event processor: each event is decided exactly once, in log order, in the
 * transaction that also records its decision, persists its delivery actions and advances the
 * cursor — so after a crash nothing is lost and nothing is decided twice.
 */
export function createEventProcessor(
  deps: EventProcessorDeps,
  pending: ReadonlyMap<string, PendingEvent>,
): EventProcessor {
  let position = deps.cursor.position();

  const decideEvent = (
    event: CustomerEvent,
    explain: boolean,
    validatedAgainst?: DecisionCatalog,
  ): Decision | undefined => {
    const started = performance.now();
    const result = deps.engine.ingest(event, { explain, validatedAgainst });
    if (!result.ok) {
      return undefined; // its type left the catalog since it was accepted: nothing to decide
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
    return decision;
  };

  const decideRow = (row: LoggedEventRow): void => {
    const waiting = pending.get(row.eventId);
    const event = waiting?.event ?? deps.cursor.readEvent(row);
    const decision = decideEvent(event, waiting?.explain === true);
    if (waiting !== undefined && decision !== undefined) {
      waiting.decision = decision;
    }
  };

  const decideRows = deps.db.transaction((rows: readonly LoggedEventRow[]) => {
    rows.forEach(decideRow);
    deps.caches.flush();
    deps.cursor.advance(rows[rows.length - 1]?.position ?? position);
  });

  const settle = (committed: boolean): void => deps.delivery.settleEnqueued?.(committed);

  const decideChunk = (rows: readonly LoggedEventRow[]): void => {
    try {
      decideRows(rows);
      settle(true);
    } catch {
      settle(false);
      deps.caches.discard();
      // One event the pipeline throws on must not block every later one: retry one by one.
      for (const row of rows) {
        try {
          decideRows([row]);
          settle(true);
        } catch (error) {
          settle(false);
          deps.caches.discard();
          deps.onFailed?.(deps.cursor.readEvent(row), error);
          deps.cursor.advance(row.position);
        }
      }
    }
  };

  return {
    position: () => position,
    decideAppended(appended) {
      const last = appended[appended.length - 1];
      if (last === undefined) {
        return [];
      }
      if (appended[0]?.position !== position + 1) {
        throw new Error(`appended events start at ${appended[0]?.position}, after ${position}`);
      }
      const decisions = appended.map((item) =>
        decideEvent(item.event, item.explain, item.validatedAgainst),
      );
      deps.caches.flush();
      deps.cursor.advance(last.position);
      // Only now: if the caller's transaction rolls back after a throw above, we are not moved.
      position = last.position;
      return decisions;
    },
    catchUp() {
      position = deps.cursor.position(); // a failed one-transaction commit may have left us ahead
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
    },
  };
}
