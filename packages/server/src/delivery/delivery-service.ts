import type { Decision, DecisionAction } from '@omnitouch/core';
import type { DeadLetter } from '@omnitouch/engine';
import type { StaffScreenHub } from '@omnitouch/channels';

/**
 * Carries the engine's actions to touchpoints. `enqueue` is called INSIDE the runtime's SQLite
 * transaction that applied the decision, so a `deliver` action is persisted (as a pending delivery)
 * atomically with the decision; `flush` dispatches after the commit. `defer` actions are already
 * in the scheduled-delivery store (the engine put them there) and come back via `runDue`.
 */
export interface DeliveryService {
  readonly hub: StaffScreenHub;
  enqueue(actions: readonly DecisionAction[]): void;
  /**
   * Called by the runtime once the transaction that called `enqueue` has ended: committed, the
   * in-process deliveries it staged in memory go out at the next `flush`; rolled back, they are
   * dropped. Optional (additive): a service that persists every delivery in `enqueue` needs no
   * signal. See docs/decisions/0003-delivery-paths.md.
   */
  settleEnqueued?(committed: boolean): void;
  /**
   * Called by the runtime INSIDE its deciding transaction, before `settleEnqueued`: writes the
   * records (attempt rows, dead letters) of in-process deliveries sent since the last call, so they
   * ride on that commit instead of paying one of their own. Optional (additive).
   */
  writeRecords?(): void;
  /** Dispatches what `enqueue` persisted; resolves when the first attempts have been made. */
  flush(): Promise<void>;
  /** Due scheduled deliveries (quiet hours, delays) and due retries; the runtime's loop calls it. */
  runDue(now: number): Promise<number>;
  listDeadLetters(limit?: number): readonly DeadLetter[];
  retryDeadLetter(id: string): Promise<boolean>;
}

/**
 * Per-customer history for the timeline API: decisions (with their explain traces) recorded by the
 * runtime inside the same transaction as the decision itself.
 */
export interface DecisionJournal {
  recordDecision(entry: {
    readonly at: number;
    readonly eventId?: string;
    readonly trigger: 'event' | 'decide' | 'scheduled';
    readonly decision: Decision;
  }): void;
}
