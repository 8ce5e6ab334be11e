import type { Clock } from '../ports/clock';
import type { Delivery, DeliveryChannel, DeliveryResult } from '../ports/delivery-channel';
import type {
  DeadLetter,
  DeadLetterReason,
  DeliveryAttemptStore,
} from '../ports/delivery-attempt-store';
import type { ScheduledDelivery } from '../ports/scheduled-delivery-store';
import { deliveryFromScheduled } from './delivery-from-action';
import type { DispatchOutcome } from './dispatch-outcome';
import { defaultRetryPolicy, retryDelayMs, type RetryPolicy } from './retry-policy';

/** The delivery channels, by touchpoint id; a `Map` fits. */
export interface ChannelDirectory {
  get(touchpointId: string): DeliveryChannel | undefined;
}

export interface DeliveryDispatcherDeps {
  readonly channels: ChannelDirectory;
  readonly attempts: DeliveryAttemptStore;
  readonly clock: Clock;
  /** Uniform in [0, 1); seeded in tests so retry times are known. */
  readonly random: () => number;
  /** One policy for every touchpoint, or one per touchpoint (a clerk's screen wants a short round). */
  readonly retryPolicy?: RetryPolicy | ((touchpointId: string) => RetryPolicy);
  /** Called once per dispatch with its outcome; must not throw. */
  readonly onResult?: (outcome: DispatchOutcome) => void;
  /** Deliveries `runDueRetries` takes per call (default 100). */
  readonly batchSize?: number;
}

/**
 * Carries deliveries to their channels, retries the destination's retryable failures with backoff
 * and jitter, and dead-letters the rest. Never throws for a channel's failure or a channel's bug:
 * every attempt is recorded and every dispatch ends in an outcome.
 */
export interface DeliveryDispatcher {
  /** Attempts the delivery now (attempt 1 of a new round). */
  dispatch(delivery: Delivery): Promise<DispatchOutcome>;
  /**
   * Like `dispatch`, for a delivery that was never saved as pending (an in-process channel's, sent
   * straight after its decision committed): delivered, it clears nothing; refused retryably, it is
   * saved as pending from then on, like any retry.
   */
  dispatchDirect(delivery: Delivery): Promise<DispatchOutcome>;
  /** A deferred contact that came due: dispatched unless it expired (`now >= expiresAt`). */
  dispatchScheduled(scheduled: ScheduledDelivery, now: number): Promise<DispatchOutcome>;
  /** Attempts the retries due at `now` (up to the batch size), concurrently. */
  runDueRetries(now: number): Promise<DispatchOutcome[]>;
  listDeadLetters(limit?: number): DeadLetter[];
  /** Moves a dead letter back to delivery with a fresh round of attempts; undefined if unknown. */
  retryDeadLetter(id: string): Promise<DispatchOutcome | undefined>;
}

type AttemptResult =
  | DeliveryResult
  | {
      readonly kind: 'error';
      readonly cause: 'no-channel' | 'channel-error';
      readonly reason: string;
      readonly error: unknown;
    };

/** Builds a `DeliveryDispatcher` over its ports; state lives only in `deps.attempts`. */
export function createDeliveryDispatcher(deps: DeliveryDispatcherDeps): DeliveryDispatcher {
  const policyOf = (touchpointId: string): RetryPolicy =>
    typeof deps.retryPolicy === 'function'
      ? deps.retryPolicy(touchpointId)
      : (deps.retryPolicy ?? defaultRetryPolicy);
  const batchSize = deps.batchSize ?? 100;
  const report = (outcome: DispatchOutcome): DispatchOutcome => {
    deps.onResult?.(outcome);
    return outcome;
  };

  async function attemptOnce(
    delivery: Delivery,
    attempt: number,
    firstAttemptAt: number,
    isPending = true,
  ) {
    const at = deps.clock.now();
    const result = await callChannel(deps.channels, delivery);
    const end = deps.clock.now();
    deps.attempts.recordAttempt({
      deliveryId: delivery.idempotencyKey,
      touchpointId: delivery.touchpointId,
      attempt,
      at,
      durationMs: Math.max(0, end - at),
      outcome: result.kind,
      ...(result.kind === 'rejected' ? { retryable: result.retryable } : {}),
      ...(result.kind === 'delivered' ? {} : { reason: result.reason }),
    });
    return report(settle(delivery, attempt, firstAttemptAt, result, end, isPending));
  }

  function settle(
    delivery: Delivery,
    attempt: number,
    firstAttemptAt: number,
    result: AttemptResult,
    now: number,
    isPending: boolean,
  ): DispatchOutcome {
    const id = delivery.idempotencyKey;
    switch (result.kind) {
      case 'delivered':
        if (isPending) {
          deps.attempts.clearPending(id);
        }
        return { kind: 'delivered', delivery, attempt, at: result.at };
      case 'rejected': {
        if (!result.retryable) {
          return bury(delivery, attempt, 'rejected', result.reason, now);
        }
        const policy = policyOf(delivery.touchpointId);
        if (attempt >= policy.maxAttempts) {
          return bury(delivery, attempt, 'attempts-exhausted', result.reason, now);
        }
        const retryAt = now + retryDelayMs(attempt, policy, deps.random);
        deps.attempts.savePending({
          id,
          delivery,
          attempt: attempt + 1,
          nextAttemptAt: retryAt,
          firstAttemptAt,
        });
        return { kind: 'retry-scheduled', delivery, attempt, reason: result.reason, retryAt };
      }
      case 'error':
        return bury(delivery, attempt, result.cause, result.reason, now, result.error);
      default: {
        const unreachable: never = result;
        throw new Error(`unknown attempt result ${String(unreachable)}`);
      }
    }
  }

  function bury(
    delivery: Delivery,
    attempt: number,
    reason: DeadLetterReason,
    detail: string,
    now: number,
    error?: unknown,
  ): DispatchOutcome {
    const letter: DeadLetter = {
      id: delivery.idempotencyKey,
      delivery,
      reason,
      detail,
      attempts: attempt,
      deadAt: now,
    };
    deps.attempts.deadLetter(letter);
    return {
      kind: 'dead-lettered',
      delivery,
      attempt,
      letter,
      ...(error === undefined ? {} : { error }),
    };
  }

  const dispatch = (delivery: Delivery) => attemptOnce(delivery, 1, deps.clock.now());

  return {
    dispatch,
    dispatchDirect: (delivery) => attemptOnce(delivery, 1, deps.clock.now(), false),
    async dispatchScheduled(scheduled, now) {
      const delivery = deliveryFromScheduled(scheduled);
      if (now >= scheduled.expiresAt) {
        return report({ kind: 'expired', delivery, at: now });
      }
      return dispatch(delivery);
    },
    async runDueRetries(now) {
      const due = deps.attempts.takeDue(now, batchSize);
      return Promise.all(due.map((p) => attemptOnce(p.delivery, p.attempt, p.firstAttemptAt)));
    },
    listDeadLetters: (limit) => deps.attempts.listDeadLetters(limit),
    async retryDeadLetter(id) {
      const letter = deps.attempts.takeDeadLetter(id);
      return letter === undefined ? undefined : dispatch(letter.delivery);
    },
  };
}

/** One call to the channel; a missing channel or a throw becomes an `error` result, never a throw. */
async function callChannel(channels: ChannelDirectory, delivery: Delivery): Promise<AttemptResult> {
  const channel = channels.get(delivery.touchpointId);
  if (channel === undefined) {
    return { kind: 'error', cause: 'no-channel', reason: 'no-channel', error: undefined };
  }
  try {
    return await channel.deliver(delivery);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'error', cause: 'channel-error', reason, error };
  }
}
