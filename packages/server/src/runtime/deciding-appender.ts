import type { CustomerEvent, Decision } from '@omnitouch/core';
import type { BatchAppender, SqliteDatabase, SqliteEventLog } from '@omnitouch/store-sqlite';
import type { AppendedEvent, EventProcessor, PendingEvent } from './event-processor';
import type { ProfileCache } from './profile-cache';

/** What one group-committed batch came to: how many of its events were new, and their decisions. */
export interface CommittedBatch {
  readonly added: number;
  readonly decisions: Decision[];
}

export interface DecidingAppenderDeps {
  readonly db: SqliteDatabase;
  readonly eventLog: Pick<SqliteEventLog, 'insertWithin' | 'appendBatches'>;
  readonly processor: EventProcessor;
  readonly profiles: ProfileCache;
  /** Where the fallback path parks the events it waits to have decided (see `catchUp`). */
  readonly pending: Map<string, PendingEvent>;
  /** Whether a batch asked for explain traces. */
  readonly isExplained: (batch: readonly CustomerEvent[]) => boolean;
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
      const appended: AppendedEvent[] = [];
      const owners: number[] = [];
      const results = batches.map((events, index) => {
        const explain = deps.isExplained(events);
        const added = deps.eventLog.insertWithin(events, (event, position) => {
          appended.push({ position, event, explain });
          owners.push(index);
        });
        return { added, decisions: [] as Decision[] };
      });
      deps.processor.decideAppended(appended).forEach((decision, index) => {
        const owner = results[owners[index] ?? -1];
        if (decision !== undefined && owner !== undefined) {
          owner.decisions.push(decision);
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
        deps.profiles.discard(); // cached objects may hold the rolled-back edits
        return commitThenCatchUp(batches);
      }
      deps.settleEnqueued?.(true);
      return committed;
    },
  };
}
