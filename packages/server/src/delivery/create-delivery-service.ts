import { StaffScreenHub } from '@omnitouch/channels';
import type { DecisionAction } from '@omnitouch/core';
import {
  createDeliveryDispatcher,
  deliveryFromAction,
  type Clock,
  type DeliveryAttemptStore,
  type DispatchOutcome,
  type ScheduledDeliveryStore,
} from '@omnitouch/engine';
import { bufferAttemptWrites } from './buffered-attempt-writes';
import { createDirectDeliveries } from './direct-deliveries';
import { keepInProcessRetriesInMemory } from './in-process-retries';
import type { Metrics } from '../metrics';
import type { ChannelBindingService } from './channel-binding-service';
import type { DeliveryService } from './delivery-service';
import type { StaffSessions } from './staff-sessions';
import { createTouchpointChannels, type DeliveryLogSink } from './touchpoint-channels';

/** What the server logs about delivery: our bugs as errors, delivered lines of the log channel as info. */
export interface DeliveryLogger {
  info(message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface DeliveryServiceDeps {
  readonly attempts: DeliveryAttemptStore;
  /** For the `scheduled-deliveries` queue depth. */
  readonly scheduled?: Pick<ScheduledDeliveryStore, 'size'>;
  readonly bindings: ChannelBindingService;
  /** Created when absent; the touchpoint stream route subscribes to it. */
  readonly hub?: StaffScreenHub;
  readonly staffSessions?: StaffSessions;
  readonly clock: Clock;
  readonly metrics?: Metrics;
  readonly logger?: DeliveryLogger;
  /** Uniform in [0, 1), for retry jitter; `Math.random` by default. */
  readonly random?: () => number;
  /** Deliveries taken per round of `flush`/`runDue` (default 100). */
  readonly batchSize?: number;
  /**
   * Runs `work` in one database transaction. When given, the dispatcher's writes of a round (attempt
   * recorded, pending cleared, retry or dead letter saved) are committed together after the round:
   * one commit instead of two per delivery, and a crash leaves a delivery either recorded AND
   * cleared or neither (then it is attempted again after its lease, the idempotency key guarding).
   */
  readonly inTransaction?: (work: () => void) => void;
}

/**
 * The server's `DeliveryService`, with two paths (docs/decisions/0003-delivery-paths.md). A remote
 * (webhook) delivery goes through the durable pending table: `enqueue` writes it (inside the
 * deciding transaction), `flush` and `runDue` lease what is due and dispatch it, so a crash between
 * commit and dispatch only delays it until the next `runDue`. An in-process delivery (log, staff
 * screen) is staged in memory by `enqueue`, released by `settleEnqueued(true)` once the deciding
 * transaction committed (dropped on rollback), and sent by the next `flush`; its one attempt row rides
 * on the next deciding transaction (`writeRecords`), and its retries stay in memory.
 * Either way a rolled-back decision never delivers. Flow control (contacts per minute, staffed capacity) is NOT
 * applied here: the engine applies it when it decides (`capacity` in the explain trace), so
 * everything enqueued has already been admitted.
 */
export function createDeliveryService(deps: DeliveryServiceDeps): DeliveryService {
  const hub = deps.hub ?? new StaffScreenHub(reportListenerError(deps.logger));
  const batchSize = deps.batchSize ?? 100;
  const logSink: DeliveryLogSink = (line) => deps.logger?.info(line);
  const channels = createTouchpointChannels({
    bindings: deps.bindings,
    hub,
    clock: deps.clock,
    logSink,
    ...(deps.staffSessions && {
      staffFor: (delivery) => deps.staffSessions?.staffFor(delivery, deps.clock.now()),
    }),
  });
  // Without a transaction to stage in (tests of the durable path alone), every delivery is durable.
  const inMemory = deps.inTransaction !== undefined;
  const attempts = keepInProcessRetriesInMemory(
    deps.attempts,
    (id) => inMemory && channels.isInProcess(id),
  );
  const writes = bufferAttemptWrites(attempts, deps.inTransaction);
  const dispatcher = createDeliveryDispatcher({
    channels,
    attempts: writes.store,
    clock: deps.clock,
    random: deps.random ?? Math.random,
    retryPolicy: (touchpointId) => channels.retryPolicy(touchpointId),
    onResult: (outcome) => recordOutcome(outcome, deps),
    batchSize,
  });

  const direct = createDirectDeliveries({
    attempts,
    channels,
    clock: deps.clock,
    random: deps.random ?? Math.random,
    retryPolicy: (touchpointId) => channels.retryPolicy(touchpointId),
    onResult: (outcome) => recordOutcome(outcome, deps),
    inTransaction: deps.inTransaction ?? ((work) => work()),
    onError: (error) => deps.logger?.error({ err: error }, 'writing delivery records failed'),
  });
  // Whether a durable delivery was enqueued since the last lease: if not, `flush` takes no lease.
  let durableEnqueued = false;

  const enqueue = (actions: readonly DecisionAction[]): void => {
    const now = deps.clock.now();
    for (const action of actions) {
      if (action.kind !== 'deliver') {
        continue;
      }
      const delivery = deliveryFromAction(action);
      if (inMemory && channels.isInProcess(delivery.touchpointId)) {
        direct.stage(delivery);
        continue;
      }
      durableEnqueued = true;
      const id = delivery.idempotencyKey;
      deps.attempts.savePending({
        id,
        delivery,
        attempt: 1,
        nextAttemptAt: now,
        firstAttemptAt: now,
      });
    }
  };

  /** Dispatches everything due, round after round while rounds come back full. */
  const drain = async (now: number, leaseAlways: boolean): Promise<number> => {
    let total = await direct.send();
    if (!leaseAlways && !durableEnqueued) {
      return total;
    }
    durableEnqueued = false;
    for (let round = 0; round < 100; round += 1) {
      const outcomes = await dispatcher.runDueRetries(now).finally(writes.commit);
      total += outcomes.length;
      if (outcomes.length < batchSize) {
        break;
      }
    }
    return total;
  };

  // One drain at a time: callers arriving while one runs share the NEXT drain (it takes what they
  // enqueued), so a group of concurrent ingest calls pays one lease transaction, not one each.
  let running: Promise<unknown> | undefined;
  let next: Promise<void> | undefined;
  const flush = (): Promise<void> => {
    if (running === undefined) {
      const current = drain(deps.clock.now(), false).finally(() => {
        running = undefined;
      });
      running = current;
      return current.then(() => undefined);
    }
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return flush();
      });
    return next;
  };

  return {
    hub,
    enqueue,
    settleEnqueued: (committed) => direct.settle(committed),
    writeRecords: () => direct.writeRecords(),
    flush,
    // The runtime's loop has already taken the due scheduled deliveries and enqueued them. The queue
    // depth (a count over the pending table) is refreshed here, once per tick, not per flush.
    runDue: async (now) => {
      const retried = await direct.retryDue(now);
      direct.commitRecords(); // at most a tick's delay for records no deciding transaction took
      const total = retried + (await drain(now, true));
      updateQueueDepth(deps, attempts);
      return total;
    },
    listDeadLetters: (limit) => dispatcher.listDeadLetters(limit),
    retryDeadLetter: async (id) => {
      const outcome = await dispatcher.retryDeadLetter(id).finally(writes.commit);
      updateQueueDepth(deps, attempts);
      return outcome !== undefined;
    },
  };
}

function recordOutcome(outcome: DispatchOutcome, deps: DeliveryServiceDeps): void {
  deps.metrics?.deliveries.inc({ touchpoint: outcome.delivery.touchpointId, status: outcome.kind });
  if (outcome.kind === 'dead-lettered' && outcome.error !== undefined) {
    // A throw inside a channel is our bug, not the destination's failure: log it as an error.
    deps.logger?.error(
      { err: outcome.error, deliveryId: outcome.delivery.idempotencyKey },
      'delivery channel failed',
    );
  }
}

function updateQueueDepth(deps: DeliveryServiceDeps, attempts: DeliveryAttemptStore): void {
  deps.metrics?.queueDepth.set({ queue: 'delivery-pending' }, attempts.pendingCount());
  if (deps.scheduled !== undefined) {
    deps.metrics?.queueDepth.set({ queue: 'scheduled-deliveries' }, deps.scheduled.size());
  }
}

function reportListenerError(logger: DeliveryLogger | undefined) {
  return (error: unknown, address: { touchpointId: string; staffId?: string }) =>
    logger?.error({ err: error, ...address }, 'staff screen listener failed');
}
