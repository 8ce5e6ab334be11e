import {
  createDeliveryDispatcher,
  type ChannelDirectory,
  type Clock,
  type DeadLetter,
  type Delivery,
  type DeliveryAttempt,
  type DispatchOutcome,
  type RetryPolicy,
} from '@omnitouch/engine';
import type { InProcessRetries } from './in-process-retries';

/** In-memory retries attempted per round. */
const retryBatchSize = 500;

export interface DirectDeliveriesDeps {
  /** The store with in-process retries kept in memory (`keepInProcessRetriesInMemory`). */
  readonly attempts: InProcessRetries;
  readonly channels: ChannelDirectory;
  readonly clock: Clock;
  readonly random: () => number;
  readonly retryPolicy: (touchpointId: string) => RetryPolicy;
  readonly onResult: (outcome: DispatchOutcome) => void;
  /** Runs `work` in a transaction of its own (records nobody wrote in time). */
  readonly inTransaction: (work: () => void) => void;
  /** How long sent records may wait for a deciding transaction to ride on (default 200 ms). */
  readonly recordDelayMs?: number;
  /** Where a failed write of the records by the timer is reported (they stay queued). */
  readonly onError: (error: unknown) => void;
}

/** The direct path of in-process deliveries (decision 0003); see `createDirectDeliveries`. */
export interface DirectDeliveries {
  /** Holds a delivery enqueued by the transaction under way. */
  stage(delivery: Delivery): void;
  /**
   * That transaction ended: committed, its staged deliveries may be sent and the records it wrote
   * (`writeRecords`) are kept; rolled back, its deliveries are dropped and its records queued again.
   */
  settle(committed: boolean): void;
  /** Sends the released deliveries (attempt 1 each) and queues their records; returns how many. */
  send(): Promise<number>;
  /** Attempts the in-memory retries due at `now` and queues their records; returns how many. */
  retryDue(now: number): Promise<number>;
  /** Writes the queued records (attempt rows, dead letters) in the caller's transaction. */
  writeRecords(): void;
  /** Writes the queued records in a transaction of its own. */
  commitRecords(): void;
}

/**
 * In-process deliveries (log, staff screen) skip the pending table: staged in memory inside the
 * deciding transaction, sent after it committed, and their one attempt row each (a dead letter for
 * the odd failure) written by the NEXT deciding transaction (`writeRecords`), so they pay no commit
 * of their own; records that find no transaction within `recordDelayMs` get one. A crash loses the
 * records of the last moments' in-process deliveries, as it loses the screens they went to.
 */
export function createDirectDeliveries(deps: DirectDeliveriesDeps): DirectDeliveries {
  let staged: Delivery[] = [];
  let ready: Delivery[] = [];
  let rows: DeliveryAttempt[] = [];
  let letters: DeadLetter[] = [];
  // Written by the transaction under way: queued again if it rolls back.
  let writtenRows: DeliveryAttempt[] = [];
  let writtenLetters: DeadLetter[] = [];
  let timer: NodeJS.Timeout | undefined;

  const dispatcher = createDeliveryDispatcher({
    channels: deps.channels,
    attempts: {
      savePending: (pending) => deps.attempts.savePending(pending), // in memory: no write
      recordAttempt: (attempt) => void rows.push(attempt),
      deadLetter: (letter) => void letters.push(letter),
      takeDue: (now, limit) => deps.attempts.takeDueInMemory(now, limit),
      clearPending: (id) => deps.attempts.clearPending(id),
      listAttempts: (id) => deps.attempts.listAttempts(id),
      listDeadLetters: (limit) => deps.attempts.listDeadLetters(limit),
      takeDeadLetter: (id) => deps.attempts.takeDeadLetter(id),
      pendingCount: () => deps.attempts.pendingCount(),
    },
    clock: deps.clock,
    random: deps.random,
    retryPolicy: deps.retryPolicy,
    onResult: deps.onResult,
    batchSize: retryBatchSize,
  });

  const writeRecords = (): void => {
    if (rows.length > 0) {
      if (deps.attempts.recordAttempts !== undefined) {
        deps.attempts.recordAttempts(rows);
      } else {
        rows.forEach((row) => deps.attempts.recordAttempt(row));
      }
    }
    letters.forEach((letter) => deps.attempts.deadLetter(letter));
    writtenRows = writtenRows.length === 0 ? rows : writtenRows.concat(rows);
    writtenLetters = writtenLetters.length === 0 ? letters : writtenLetters.concat(letters);
    rows = [];
    letters = [];
  };

  const settleRecords = (committed: boolean): void => {
    if (!committed) {
      rows = writtenRows.concat(rows);
      letters = writtenLetters.concat(letters);
    }
    writtenRows = [];
    writtenLetters = [];
  };

  const settle = (committed: boolean): void => {
    if (committed && staged.length > 0) {
      ready = ready.length === 0 ? staged : ready.concat(staged);
    }
    staged = [];
    settleRecords(committed);
  };

  const commitRecords = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (rows.length === 0 && letters.length === 0) {
      return;
    }
    try {
      deps.inTransaction(writeRecords);
      settleRecords(true);
    } catch (error) {
      settleRecords(false);
      throw error;
    }
  };

  const commitLater = (): void => {
    try {
      commitRecords();
    } catch (error) {
      deps.onError(error);
    }
  };

  const recordLater = (): void => {
    timer ??= setTimeout(commitLater, deps.recordDelayMs ?? 200).unref();
  };

  return {
    stage: (delivery) => void staged.push(delivery),
    async retryDue(now) {
      let total = 0;
      for (let round = 0; round < 100; round += 1) {
        const outcomes = await dispatcher.runDueRetries(now);
        total += outcomes.length;
        if (outcomes.length < retryBatchSize) {
          break;
        }
      }
      if (total > 0) {
        recordLater();
      }
      return total;
    },
    settle,
    async send() {
      if (ready.length === 0) {
        return 0;
      }
      const sending = ready;
      ready = [];
      const outcomes = await Promise.all(sending.map((d) => dispatcher.dispatchDirect(d)));
      recordLater();
      return outcomes.length;
    },
    writeRecords,
    commitRecords,
  };
}
