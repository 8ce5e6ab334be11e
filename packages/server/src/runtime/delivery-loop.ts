import type { DecisionEngine, DueDeliveries, Clock } from '@omnitouch/engine';
import type { DecisionJournal, DeliveryService } from '../delivery/delivery-service';

/** Scheduled deliveries taken per transaction at most. */
const dueBatchSize = 500;

export interface DeliveryLoopDeps {
  readonly engine: DecisionEngine;
  readonly delivery: DeliveryService;
  readonly journal: DecisionJournal;
  readonly clock: Clock;
  /** Runs `work` in one SQLite transaction (with the runtime's profile cache flushed in it). */
  readonly inTransaction: <T>(work: () => T) => T;
  readonly onError: (error: unknown, context: string) => void;
  readonly intervalMs: number;
}

/** The background work of the runtime: start/stop and one `tick`, exposed for tests. */
export interface DeliveryLoop {
  start(): void;
  stop(): Promise<void>;
  tick(): Promise<void>;
}

/**
 * Every `intervalMs`: takes the deferred deliveries that fell due (quiet hours over, delays
 * elapsed) — the store hands each out once and `enqueue` persists it in the same transaction, so a
 * crash neither loses nor repeats one — dispatches them, then lets the delivery service run its
 * due retries. Ticks never overlap; the timer is unref'd so it never keeps the process alive.
 */
export function createDeliveryLoop(deps: DeliveryLoopDeps): DeliveryLoop {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const takeDue = (now: number): DueDeliveries =>
    deps.inTransaction(() => {
      const due = deps.engine.takeDueDeliveries(now, dueBatchSize);
      for (const action of due.actions) {
        const customerId = action.offer.customerId;
        deps.journal.recordDecision({
          at: now,
          trigger: 'scheduled',
          decision: { customerId, actions: [action] },
        });
      }
      if (due.actions.length > 0) {
        deps.delivery.enqueue(due.actions);
      }
      return due;
    });

  const tick = async (): Promise<void> => {
    const now = deps.clock.now();
    for (let due = takeDue(now); due.actions.length > 0; due = takeDue(now)) {
      await deps.delivery.flush();
      if (due.actions.length + due.skipped.length < dueBatchSize) {
        break;
      }
    }
    await deps.delivery.runDue(now);
  };

  const runTick = (): void => {
    if (running !== undefined) {
      return;
    }
    running = tick()
      .catch((error: unknown) => deps.onError(error, 'delivery loop'))
      .finally(() => {
        running = undefined;
      });
  };

  return {
    start() {
      timer ??= setInterval(runTick, deps.intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
    tick,
  };
}
