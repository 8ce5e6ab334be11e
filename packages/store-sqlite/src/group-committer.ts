import type { CustomerEvent } from '@omnitouch/core';

/**
 * Where a `GroupCommitter` writes: all batches in ONE transaction, one result per batch (the
 * new-event count for `SqliteEventLog`; the server's runtime also returns the decisions it made in
 * that same transaction).
 */
export interface BatchAppender<TResult = number> {
  appendBatches(batches: readonly (readonly CustomerEvent[])[]): readonly TResult[];
}

/** When a group is committed: after `maxDelayMs` from its first call, or once it holds `maxEvents`. */
export interface GroupCommitOptions {
  /**
   * 0 (default): commit at the end of the current event-loop turn, gathering every append made
   * during it — including the requests that queued up while the previous (synchronous) commit ran.
   * A positive window waits that long first. Measured with 32 closed-loop callers of 1-event
   * appends: 35k events/s at 0 against 11k at 2 ms (NORMAL), 25k against 6k (FULL); equal with
   * 100-event appends. A timer only adds latency when the commit itself already batches the queue.
   */
  readonly maxDelayMs?: number;
  /** Default 1000 events: bounds how long one commit holds the (synchronous) event loop. */
  readonly maxEvents?: number;
}

interface PendingAppend<TResult> {
  readonly events: readonly CustomerEvent[];
  readonly resolve: (result: TResult) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for the event log: `append` calls arriving within a short window are written in ONE
 * transaction, and each caller's promise settles only after that transaction has committed — so
 * the HTTP layer acknowledges only durable events while paying one commit per group, not per
 * request. If the commit fails, every caller of that group is rejected and nothing of it is written.
 */
export class GroupCommitter<TResult = number> {
  readonly #log: BatchAppender<TResult>;
  readonly #maxDelayMs: number;
  readonly #maxEvents: number;
  #pending: PendingAppend<TResult>[] = [];
  #pendingEvents = 0;
  #cancelScheduledFlush: (() => void) | undefined;

  constructor(log: BatchAppender<TResult>, options: GroupCommitOptions = {}) {
    this.#log = log;
    this.#maxDelayMs = options.maxDelayMs ?? 0;
    this.#maxEvents = options.maxEvents ?? 1000;
  }

  /**
   * Resolves once `events` are durable, with the appender's result for them (for `SqliteEventLog`:
   * how many were new, i.e. not already in the log).
   */
  append(events: readonly CustomerEvent[]): Promise<TResult> {
    return new Promise<TResult>((resolve, reject) => {
      this.#pending.push({ events, resolve, reject });
      this.#pendingEvents += events.length;
      if (this.#pendingEvents >= this.#maxEvents) {
        this.flush();
      } else {
        this.#cancelScheduledFlush ??= this.#scheduleFlush();
      }
    });
  }

  /** Commits whatever is waiting now (also what a graceful shutdown calls before closing the database). */
  flush(): void {
    this.#cancelScheduledFlush?.();
    this.#cancelScheduledFlush = undefined;
    const group = this.#pending;
    this.#pending = [];
    this.#pendingEvents = 0;
    if (group.length === 0) {
      return;
    }
    let results: readonly TResult[];
    try {
      results = this.#log.appendBatches(group.map((call) => call.events));
      if (results.length !== group.length) {
        throw new Error(
          `the appender answered ${results.length} results for ${group.length} batches`,
        );
      }
    } catch (error) {
      group.forEach((call) => call.reject(error));
      return;
    }
    group.forEach((call, index) => call.resolve(results[index] as TResult));
  }

  #scheduleFlush(): () => void {
    if (this.#maxDelayMs > 0) {
      const timer = setTimeout(() => this.flush(), this.#maxDelayMs);
      return () => clearTimeout(timer);
    }
    const immediate = setImmediate(() => this.flush());
    return () => clearImmediate(immediate);
  }
}
