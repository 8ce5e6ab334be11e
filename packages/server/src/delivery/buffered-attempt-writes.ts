import type { DeliveryAttempt, DeliveryAttemptStore } from '@omnitouch/engine';

/** The attempt store as a delivery round sees it, and the `commit` that writes what it queued. */
export interface BufferedAttemptWrites {
  readonly store: DeliveryAttemptStore;
  readonly commit: () => void;
}

/**
 * The attempt store as the dispatcher sees it: with `inTransaction`, writes are queued until
 * `commit` (which every read also does first, so reads see them), and `commit` writes them in one
 * transaction, the attempt rows as one multi-row INSERT when the store has `recordAttempts`; without
 * `inTransaction`, the store itself. Attempt rows and pending-table writes touch different tables,
 * so each keeps its own order and the two lists are written one after the other.
 */
export function bufferAttemptWrites(
  store: DeliveryAttemptStore,
  inTransaction: ((work: () => void) => void) | undefined,
): BufferedAttemptWrites {
  if (inTransaction === undefined) {
    return { store, commit: () => undefined };
  }
  let attempts: DeliveryAttempt[] = [];
  let others: (() => void)[] = [];
  const writeAttempts = (list: readonly DeliveryAttempt[]): void => {
    if (store.recordAttempts !== undefined) {
      store.recordAttempts(list);
    } else {
      list.forEach((attempt) => store.recordAttempt(attempt));
    }
  };
  const commit = (): void => {
    if (attempts.length === 0 && others.length === 0) {
      return;
    }
    const [rows, work] = [attempts, others];
    attempts = [];
    others = [];
    inTransaction(() => {
      if (rows.length > 0) {
        writeAttempts(rows);
      }
      work.forEach((write) => write());
    });
  };
  const afterCommit = <R>(work: () => R): R => {
    commit();
    return work();
  };
  return {
    commit,
    store: {
      savePending: (pending) => void others.push(() => store.savePending(pending)),
      clearPending: (id) => void others.push(() => store.clearPending(id)),
      recordAttempt: (attempt) => void attempts.push(attempt),
      recordAttempts: (list) => void attempts.push(...list),
      deadLetter: (letter) => void others.push(() => store.deadLetter(letter)),
      takeDue: (now, limit) => afterCommit(() => store.takeDue(now, limit)),
      listAttempts: (id) => afterCommit(() => store.listAttempts(id)),
      listDeadLetters: (limit) => afterCommit(() => store.listDeadLetters(limit)),
      takeDeadLetter: (id) => afterCommit(() => store.takeDeadLetter(id)),
      pendingCount: () => afterCommit(() => store.pendingCount()),
    },
  };
}
