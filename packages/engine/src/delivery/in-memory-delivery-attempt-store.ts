import type {
  DeadLetter,
  DeliveryAttempt,
  DeliveryAttemptStore,
  PendingDelivery,
} from '../ports/delivery-attempt-store';

/** Default lease of `takeDue`: long enough for one attempt with its timeout, short enough to recover. */
export const defaultDeliveryLeaseMs = 60_000;

/**
 * A `DeliveryAttemptStore` in memory, for tests and for a server run without a database. Nothing
 * survives a restart. `leaseMs` is how long a delivery returned by `takeDue` stays hidden.
 */
export class InMemoryDeliveryAttemptStore implements DeliveryAttemptStore {
  private readonly pending = new Map<string, { entry: PendingDelivery; leasedUntil: number }>();
  private readonly attempts = new Map<string, DeliveryAttempt[]>();
  private readonly deadLetters = new Map<string, DeadLetter>();

  constructor(private readonly leaseMs: number = defaultDeliveryLeaseMs) {}

  savePending(pending: PendingDelivery): void {
    this.pending.set(pending.id, { entry: pending, leasedUntil: -Infinity });
  }

  takeDue(now: number, limit: number): PendingDelivery[] {
    const due = [...this.pending.values()]
      .filter((slot) => slot.entry.nextAttemptAt <= now && slot.leasedUntil <= now)
      .sort((a, b) => compareDue(a.entry, b.entry))
      .slice(0, Math.max(0, limit));
    for (const slot of due) {
      slot.leasedUntil = now + this.leaseMs;
    }
    return due.map((slot) => slot.entry);
  }

  clearPending(id: string): void {
    this.pending.delete(id);
  }

  recordAttempt(attempt: DeliveryAttempt): void {
    const log = this.attempts.get(attempt.deliveryId) ?? [];
    log.push(attempt);
    this.attempts.set(attempt.deliveryId, log);
  }

  listAttempts(deliveryId: string): DeliveryAttempt[] {
    return [...(this.attempts.get(deliveryId) ?? [])];
  }

  deadLetter(letter: DeadLetter): void {
    this.pending.delete(letter.id);
    // Delete first so a re-dead-lettered delivery moves to the end of insertion order.
    this.deadLetters.delete(letter.id);
    this.deadLetters.set(letter.id, letter);
  }

  listDeadLetters(limit: number = 100): DeadLetter[] {
    return [...this.deadLetters.values()]
      .reverse()
      .sort((a, b) => b.deadAt - a.deadAt)
      .slice(0, Math.max(0, limit));
  }

  takeDeadLetter(id: string): DeadLetter | undefined {
    const letter = this.deadLetters.get(id);
    this.deadLetters.delete(id);
    return letter;
  }

  pendingCount(): number {
    return this.pending.size;
  }
}

function compareDue(a: PendingDelivery, b: PendingDelivery): number {
  return a.nextAttemptAt - b.nextAttemptAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
