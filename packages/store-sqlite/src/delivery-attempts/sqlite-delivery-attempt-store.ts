import {
  defaultDeliveryLeaseMs,
  type DeadLetter,
  type DeadLetterReason,
  type Delivery,
  type DeliveryAttempt,
  type DeliveryAttemptOutcome,
  type DeliveryAttemptStore,
  type PendingDelivery,
} from '@omnitouch/engine';
import type Database from 'better-sqlite3';

interface PendingRow {
  id: string;
  delivery: string;
  attempt: number;
  next_attempt_at: number;
  first_attempt_at: number;
}

interface AttemptRow {
  delivery_id: string;
  touchpoint_id: string;
  attempt: number;
  at: number;
  duration_ms: number;
  outcome: DeliveryAttemptOutcome;
  retryable: number | null;
  reason: string | null;
}

interface DeadLetterRow {
  id: string;
  delivery: string;
  reason: DeadLetterReason;
  detail: string;
  attempts: number;
  dead_at: number;
}

/**
 * `DeliveryAttemptStore` over the `delivery_*` tables of migration 0008. `takeDue` selects and
 * leases in one immediate transaction (two processes never take one row), and a lease outlives a
 * crash, so an attempt cut short is made again once `leaseMs` has passed.
 */
export class SqliteDeliveryAttemptStore implements DeliveryAttemptStore {
  readonly #statements;
  readonly #takeDue;
  readonly #deadLetter;
  readonly #takeDeadLetter;
  readonly #insertAttempts;

  constructor(
    db: Database.Database,
    private readonly leaseMs: number = defaultDeliveryLeaseMs,
  ) {
    const s = prepareStatements(db);
    this.#statements = s;
    this.#insertAttempts = multiRowAttemptInserts(db);
    const takeDue = db.transaction((now: number, limit: number) => {
      const rows = s.selectDue.all(now, limit);
      rows.forEach((row) => s.lease.run(now + this.leaseMs, row.id));
      return rows.map(pendingFromRow);
    });
    this.#takeDue = takeDue.immediate.bind(takeDue);
    this.#deadLetter = db.transaction((letter: DeadLetter) => {
      s.deletePending.run(letter.id);
      s.upsertDeadLetter.run({
        id: letter.id,
        touchpoint_id: letter.delivery.touchpointId,
        delivery: JSON.stringify(letter.delivery),
        reason: letter.reason,
        detail: letter.detail,
        attempts: letter.attempts,
        dead_at: letter.deadAt,
      });
    });
    this.#takeDeadLetter = db.transaction((id: string) => {
      const row = s.selectDeadLetter.get(id);
      s.deleteDeadLetter.run(id);
      return row && deadLetterFromRow(row);
    });
  }

  savePending(pending: PendingDelivery): void {
    this.#statements.upsertPending.run({
      id: pending.id,
      touchpoint_id: pending.delivery.touchpointId,
      delivery: JSON.stringify(pending.delivery),
      attempt: pending.attempt,
      next_attempt_at: pending.nextAttemptAt,
      first_attempt_at: pending.firstAttemptAt,
    });
  }

  takeDue(now: number, limit: number): PendingDelivery[] {
    return limit > 0 ? this.#takeDue(now, limit) : [];
  }

  clearPending(id: string): void {
    this.#statements.deletePending.run(id);
  }

  recordAttempt(attempt: DeliveryAttempt): void {
    this.#insertAttempts(1).run(attemptValues(attempt));
  }

  /** One multi-row INSERT per up to `attemptsPerStatement` attempts (statements prepared once). */
  recordAttempts(attempts: readonly DeliveryAttempt[]): void {
    for (let start = 0; start < attempts.length; start += attemptsPerStatement) {
      const chunk = attempts.slice(start, start + attemptsPerStatement);
      this.#insertAttempts(chunk.length).run(chunk.flatMap(attemptValues));
    }
  }

  listAttempts(deliveryId: string): DeliveryAttempt[] {
    return this.#statements.selectAttempts.all(deliveryId).map(attemptFromRow);
  }

  deadLetter(letter: DeadLetter): void {
    this.#deadLetter.immediate(letter);
  }

  listDeadLetters(limit: number = 100): DeadLetter[] {
    return this.#statements.selectDeadLetters.all(Math.max(0, limit)).map(deadLetterFromRow);
  }

  takeDeadLetter(id: string): DeadLetter | undefined {
    return this.#takeDeadLetter.immediate(id);
  }

  pendingCount(): number {
    return this.#statements.countPending.get() ?? 0;
  }
}

function prepareStatements(db: Database.Database) {
  return {
    // A new schedule replaces the row and ends any lease: available_at restarts at next_attempt_at.
    upsertPending: db.prepare<[PendingRow & { touchpoint_id: string }]>(
      `INSERT OR REPLACE INTO delivery_pending
         (id, touchpoint_id, delivery, attempt, next_attempt_at, first_attempt_at, available_at)
       VALUES (@id, @touchpoint_id, @delivery, @attempt, @next_attempt_at, @first_attempt_at,
         @next_attempt_at)`,
    ),
    selectDue: db.prepare<[number, number], PendingRow>(
      `SELECT id, delivery, attempt, next_attempt_at, first_attempt_at FROM delivery_pending
       WHERE available_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
    ),
    lease: db.prepare<[number, string]>(
      'UPDATE delivery_pending SET available_at = ? WHERE id = ?',
    ),
    deletePending: db.prepare<[string]>('DELETE FROM delivery_pending WHERE id = ?'),
    countPending: db.prepare<[], number>('SELECT count(*) FROM delivery_pending').pluck(),
    selectAttempts: db.prepare<[string], AttemptRow>(
      'SELECT * FROM delivery_attempts WHERE delivery_id = ? ORDER BY seq',
    ),
    upsertDeadLetter: db.prepare<[DeadLetterRow & { touchpoint_id: string }]>(
      `INSERT OR REPLACE INTO delivery_dead_letters
         (id, touchpoint_id, delivery, reason, detail, attempts, dead_at)
       VALUES (@id, @touchpoint_id, @delivery, @reason, @detail, @attempts, @dead_at)`,
    ),
    // rowid breaks ties: a replaced letter gets a new, larger rowid, i.e. counts as the latest.
    selectDeadLetters: db.prepare<[number], DeadLetterRow>(
      'SELECT * FROM delivery_dead_letters ORDER BY dead_at DESC, rowid DESC LIMIT ?',
    ),
    selectDeadLetter: db.prepare<[string], DeadLetterRow>(
      'SELECT * FROM delivery_dead_letters WHERE id = ?',
    ),
    deleteDeadLetter: db.prepare<[string]>('DELETE FROM delivery_dead_letters WHERE id = ?'),
  };
}

/** Attempts per multi-row INSERT at most (8 parameters each, far below SQLite's limit). */
const attemptsPerStatement = 64;

type AttemptValue = string | number | null;

/** The INSERT for `count` attempt rows, prepared on first use and kept. */
function multiRowAttemptInserts(db: Database.Database) {
  const byCount = new Map<number, Database.Statement<AttemptValue[][]>>();
  return (count: number): Database.Statement<AttemptValue[][]> => {
    let statement = byCount.get(count);
    if (statement === undefined) {
      const rows = Array.from({ length: count }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
      statement = db.prepare<AttemptValue[][]>(
        `INSERT INTO delivery_attempts
           (delivery_id, touchpoint_id, attempt, at, duration_ms, outcome, retryable, reason)
         VALUES ${rows}`,
      );
      byCount.set(count, statement);
    }
    return statement;
  };
}

function attemptValues(attempt: DeliveryAttempt): AttemptValue[] {
  return [
    attempt.deliveryId,
    attempt.touchpointId,
    attempt.attempt,
    attempt.at,
    Math.round(attempt.durationMs),
    attempt.outcome,
    attempt.retryable === undefined ? null : Number(attempt.retryable),
    attempt.reason ?? null,
  ];
}

function pendingFromRow(row: PendingRow): PendingDelivery {
  return {
    id: row.id,
    delivery: JSON.parse(row.delivery) as Delivery,
    attempt: row.attempt,
    nextAttemptAt: row.next_attempt_at,
    firstAttemptAt: row.first_attempt_at,
  };
}

function attemptFromRow(row: AttemptRow): DeliveryAttempt {
  return {
    deliveryId: row.delivery_id,
    touchpointId: row.touchpoint_id,
    attempt: row.attempt,
    at: row.at,
    durationMs: row.duration_ms,
    outcome: row.outcome,
    ...(row.retryable === null ? {} : { retryable: row.retryable === 1 }),
    ...(row.reason === null ? {} : { reason: row.reason }),
  };
}

function deadLetterFromRow(row: DeadLetterRow): DeadLetter {
  return {
    id: row.id,
    delivery: JSON.parse(row.delivery) as Delivery,
    reason: row.reason,
    detail: row.detail,
    attempts: row.attempts,
    deadAt: row.dead_at,
  };
}
