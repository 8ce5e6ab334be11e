import type { Delivery } from './delivery-channel';

/**
 * A delivery waiting for its next attempt. `id` is the delivery's idempotency key; `attempt` is the
 * 1-based number of the attempt still to make in this round (a manual retry starts a new round).
 */
export interface PendingDelivery {
  readonly id: string;
  readonly delivery: Delivery;
  readonly attempt: number;
  /** Epoch ms at which the next attempt is due. */
  readonly nextAttemptAt: number;
  /** Epoch ms of the first attempt of this round. */
  readonly firstAttemptAt: number;
}

/** How one attempt ended: the destination took it, refused it, or our code threw (a bug). */
export type DeliveryAttemptOutcome = 'delivered' | 'rejected' | 'error';

/** One attempt to hand a delivery to its channel, recorded whatever its outcome. Times are epoch ms. */
export interface DeliveryAttempt {
  readonly deliveryId: string;
  readonly touchpointId: string;
  readonly attempt: number;
  readonly at: number;
  readonly durationMs: number;
  readonly outcome: DeliveryAttemptOutcome;
  /** Only for `rejected`: whether the destination said trying again may help. */
  readonly retryable?: boolean;
  /** Why it was not delivered (`http-503`, `timeout`, `no-screen-connected`, an error message). */
  readonly reason?: string;
}

/**
 * Why a delivery was given up: the destination refused it for good, every attempt of the round
 * failed, our code threw, or no channel serves its touchpoint.
 */
export type DeadLetterReason = 'rejected' | 'attempts-exhausted' | 'channel-error' | 'no-channel';

/** A delivery given up on, kept for an operator to inspect and retry by hand. */
export interface DeadLetter {
  /** The delivery's idempotency key. */
  readonly id: string;
  readonly delivery: Delivery;
  readonly reason: DeadLetterReason;
  /** The last attempt's own reason, e.g. `http-400`. */
  readonly detail: string;
  readonly attempts: number;
  /** Epoch ms. */
  readonly deadAt: number;
}

/**
 * Durable state of outbound delivery: pending retries, the attempt log and the dead-letter list.
 * `takeDue` leases what it returns: a leased delivery is not returned again until the store's lease
 * time has passed, so a crash mid-attempt retries it (at least once; receivers de-duplicate by the
 * idempotency key). `savePending`, `clearPending` and `deadLetter` end the lease.
 */
export interface DeliveryAttemptStore {
  /** Inserts or replaces the pending delivery with this id. */
  savePending(pending: PendingDelivery): void;
  /** Up to `limit` pending deliveries due at `now` (`nextAttemptAt <= now`), earliest first. */
  takeDue(now: number, limit: number): PendingDelivery[];
  /** Forgets the pending delivery with this id (it was delivered); a no-op when there is none. */
  clearPending(id: string): void;
  /** Appends one attempt to the log. */
  recordAttempt(attempt: DeliveryAttempt): void;
  /**
   * Appends several attempts, in order (one statement where the store can); optional: without it
   * a caller records them one by one with `recordAttempt`.
   */
  recordAttempts?(attempts: readonly DeliveryAttempt[]): void;
  /** Every recorded attempt of this delivery, oldest first. */
  listAttempts(deliveryId: string): DeliveryAttempt[];
  /** Stores the dead letter (replacing one with the same id) and drops its pending entry atomically. */
  deadLetter(letter: DeadLetter): void;
  /** Dead letters, most recent first, at most `limit`. */
  listDeadLetters(limit?: number): DeadLetter[];
  /** Removes and returns the dead letter with this id (for a manual retry); undefined when unknown. */
  takeDeadLetter(id: string): DeadLetter | undefined;
  /** Number of pending deliveries (a queue-depth metric). */
  pendingCount(): number;
}
