import type { CustomerEvent, Decision, DecisionCatalog } from '@omnitouch/core';
import type { BatchAppender, SqliteDatabase, SqliteEventLog } from '@omnitouch/store-sqlite';
import type { AppendedEvent, EventProcessor, PendingEvent } from './event-processor';
import type { RuntimeCaches } from './runtime-caches';

/** What one group-committed batch came to: how many of its events were new, and their decisions. */
export interface CommittedBatch {
  readonly added: number;
  readonly decisions: Decision[];
}

export interface DecidingAppenderDeps {
  readonly db: SqliteDatabase;
  readonly eventLog: Pick<SqliteEventLog, 'insertWithin' | 'appendBatches'>;
  readonly processor: EventProcessor;
  readonly caches: RuntimeCaches;
  /** Where the fallback path parks the events it waits to have decided (see `catchUp`). */
  readonly pending: Map<string, PendingEvent>;
  /** Whether a batch asked for explain traces. */
  readonly isExplained: (batch: readonly CustomerEvent[]) => boolean;
  /** The catalog a batch's events were validated against, if they were (see `AppendedEvent`). */
  readonly validatedAgainst?: (batch: readonly CustomerEvent[]) => DecisionCatalog | undefined;
  /** Told whether the one-transaction commit held (the delivery service's `settleEnqueued`). */
  readonly settleEnqueued?: (committed: boolean) => void;
  /** Called inside the one-transaction commit (the delivery service's `writeRecords`). */
  readonly writeRecords?: () => void;
}

/**
 * The `GroupCommitter`'s appender for the runtime: a whole group — every caller's events appended
 * to the log, decided, their decisions journalled, deliveries queued, profiles written and the
 * cursor advanced — in ONE transaction, so a group pays one commit and is after a crash either
 * wholly there or wholly absent (its callers were not acknowledged and may retry; `eventId` dedupes).
 *
 * If that transaction throws (a pipeline bug on one event, or a log the cursor lags behind), it is
 * rolled back and the group is committed the careful way: appended alone, then decided by
 * `catchUp`, which skips (and reports) an event the pipeline throws on — one bad event must not
 * fail every request of its group.
 */
export function createDecidingAppender(deps: DecidingAppenderDeps): BatchAppender<CommittedBatch> {
  const commitTogether = deps.db.transaction(
    (batches: readonly (readonly CustomerEvent[])[]): CommittedBatch[] => {
      deps.writeRecords?.();
      // Every caller's events in one insert: the log writes several rows per statement.
      const { events, callerOf } = flattenBatches(batches);
      const explained = batches.map((batch) => deps.isExplained(batch));
      const catalogs = batches.map((batch) => deps.validatedAgainst?.(batch));
      const results = batches.map(() => ({ added: 0, decisions: [] as Decision[] }));
      const appended: AppendedEvent[] = [];
      const appendedBy: number[] = [];
      deps.eventLog.insertWithin(events, (event, position, index) => {
        const caller = callerOf[index] as number;
        appended.push({
          position,
          event,
          explain: explained[caller] === true,
          validatedAgainst: catalogs[caller],
        });
        appendedBy.push(caller);
        const result = results[caller];
        if (result !== undefined) {
          result.added += 1;
        }
      });
      deps.processor.decideAppended(appended).forEach((decision, index) => {
        const result = results[appendedBy[index] ?? -1];
        if (decision !== undefined && result !== undefined) {
          result.decisions.push(decision);
        }
      });
      return results;
    },
  );

  const commitThenCatchUp = (batches: readonly (readonly CustomerEvent[])[]): CommittedBatch[] => {
    const mine = batches.map((events) => {
      const explain = deps.isExplained(events);
      const parked: PendingEvent[] = [];
      for (const event of events) {
        if (!deps.pending.has(event.eventId)) {
          const waiting: PendingEvent = { event, explain };
          deps.pending.set(event.eventId, waiting);
          parked.push(waiting);
        }
      }
      return parked;
    });
    try {
      const added = deps.eventLog.appendBatches(batches);
      deps.processor.catchUp();
      return added.map((count, index) => ({
        added: count,
        decisions: (mine[index] ?? []).flatMap((waiting) => waiting.decision ?? []),
      }));
    } finally {
      mine.forEach((parked) => parked.forEach((w) => deps.pending.delete(w.event.eventId)));
    }
  };

  return {
    appendBatches(batches) {
      let committed: CommittedBatch[];
      try {
        committed = commitTogether(batches);
      } catch {
        deps.settleEnqueued?.(false);
        deps.caches.discard(); // cached objects may hold the rolled-back edits
        return commitThenCatchUp(batches);
      }
      deps.settleEnqueued?.(true);
      return committed;
    },
  };
}

/** Every caller's events in one list, with the index of the caller each came from. */
function flattenBatches(batches: readonly (readonly CustomerEvent[])[]): {
  events: CustomerEvent[];
  callerOf: number[];
} {
  const events: CustomerEvent[] = [];
  const callerOf: number[] = [];
  batches.forEach((batch, caller) => {
    for (const event of batch) {
      events.push(event);
      callerOf.push(caller);
    }
  });
  return { events, callerOf };
}
