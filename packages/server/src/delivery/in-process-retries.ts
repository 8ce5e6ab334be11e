import type { DeliveryAttemptStore, PendingDelivery } from '@omnitouch/engine';

/** The attempt store with in-process retries held in memory, which `takeDueInMemory` hands out. */
export interface InProcessRetries extends DeliveryAttemptStore {
  /** Up to `limit` in-memory retries due at `now`, earliest first, each once. */
  takeDueInMemory(now: number, limit: number): PendingDelivery[];
}

/**
 * The attempt store with the pending retries of in-process channels (log, staff screen) kept in
 * memory: a crash loses the screens those retries wait for anyway (decision 0003), so writing,
 * leasing and deleting a pending row per retry would buy nothing. Retries of remote channels, the
 * attempt log and the dead letters stay in `store`. `takeDue` hands out the store's due deliveries
 * only; the in-memory ones go to `takeDueInMemory` (the direct path, decision 0003).
 */
export function keepInProcessRetriesInMemory(
  store: DeliveryAttemptStore,
  isInProcess: (touchpointId: string) => boolean,
): InProcessRetries {
  const waiting = new Map<string, PendingDelivery>();
  // Taken from `waiting` and being attempted: their outcome needs no write to the store's table.
  const attempting = new Set<string>();

  const takeWaiting = (now: number, limit: number): PendingDelivery[] => {
    const due: PendingDelivery[] = [];
    for (const pending of waiting.values()) {
      if (pending.nextAttemptAt <= now) {
        due.push(pending);
      }
    }
    due.sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || (a.id < b.id ? -1 : 1));
    const taken = due.slice(0, limit);
    taken.forEach((pending) => {
      waiting.delete(pending.id);
      attempting.add(pending.id);
    });
    return taken;
  };

  return {
    savePending(pending) {
      attempting.delete(pending.id);
      if (isInProcess(pending.delivery.touchpointId)) {
        waiting.set(pending.id, pending);
      } else {
        store.savePending(pending);
      }
    },
    clearPending(id) {
      const mine = attempting.delete(id);
      if (!waiting.delete(id) && !mine) {
        store.clearPending(id);
      }
    },
    deadLetter(letter) {
      waiting.delete(letter.id);
      attempting.delete(letter.id);
      store.deadLetter(letter);
    },
    takeDue: (now, limit) => store.takeDue(now, limit),
    takeDueInMemory: (now, limit) => (waiting.size > 0 ? takeWaiting(now, limit) : []),
    pendingCount: () => store.pendingCount() + waiting.size,
    recordAttempt: (attempt) => store.recordAttempt(attempt),
    ...(store.recordAttempts && {
      recordAttempts: (attempts) => store.recordAttempts?.(attempts),
    }),
    listAttempts: (id) => store.listAttempts(id),
    listDeadLetters: (limit) => store.listDeadLetters(limit),
    takeDeadLetter: (id) => store.takeDeadLetter(id),
  };
}
