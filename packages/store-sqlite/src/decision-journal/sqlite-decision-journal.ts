import type { Decision, DecisionAction, TraceEntry } from '@omnitouch/core';
import type { SqliteDatabase } from '../sqlite-database';

/** What started a decision: an ingested event, an inbound `decide` call, or a deferred contact due. */
export type DecisionTrigger = 'event' | 'decide' | 'scheduled';

/** One action of a journalled decision, without the offer's content (the offer keeps that). */
export interface JournalAction {
  readonly kind: DecisionAction['kind'];
  readonly offerId: string;
  readonly caseId: string;
  readonly touchpointId?: string;
  readonly deliveryMethod?: string;
  /** Epoch ms: when delivered (`deliver`) or when due (`defer`). */
  readonly at?: number;
  readonly expiresAt?: number;
}

/** A decision as the journal keeps it; `at` is epoch ms. */
export interface JournalEntry {
  readonly customerId: string;
  readonly at: number;
  readonly trigger: DecisionTrigger;
  readonly eventId?: string;
  readonly actions: readonly JournalAction[];
  readonly trace?: readonly TraceEntry[];
}

interface JournalRow {
  customer_id: string;
  at: number;
  event_id: string | null;
  trigger: DecisionTrigger;
  actions: string;
  trace: string | null;
}

/**
 * The per-customer decision journal (table `decision_journal`, migration 0010). `recordDecision` is
 * called inside the runtime's deciding transaction and does not commit by itself. A decision that
 * did nothing and carries no trace is not written: the event that caused it is on the timeline
 * anyway, and skipping it keeps the ingest path at one write per event.
 */
export class SqliteDecisionJournal {
  readonly #insert;
  readonly #select;

  constructor(db: SqliteDatabase) {
    this.#insert = db.prepare<
      [string, number, string | null, DecisionTrigger, string, string | null]
    >(
      `INSERT INTO decision_journal (customer_id, at, event_id, trigger, actions, trace)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.#select = db.prepare<[string, number], JournalRow>(
      `SELECT customer_id, at, event_id, trigger, actions, trace FROM decision_journal
       WHERE customer_id = ? ORDER BY id DESC LIMIT ?`,
    );
  }

  /** Journals `entry.decision`; returns whether a row was written (see the class comment). */
  recordDecision(entry: {
    readonly at: number;
    readonly eventId?: string;
    readonly trigger: DecisionTrigger;
    readonly decision: Decision;
  }): boolean {
    const { decision } = entry;
    const hasTrace = decision.trace !== undefined && decision.trace.length > 0;
    if (decision.actions.length === 0 && !hasTrace) {
      return false;
    }
    this.#insert.run(
      decision.customerId,
      entry.at,
      entry.eventId ?? null,
      entry.trigger,
      JSON.stringify(decision.actions.map(toJournalAction)),
      hasTrace ? JSON.stringify(decision.trace) : null,
    );
    return true;
  }

  /** The customer's journalled decisions, newest first, at most `limit`. */
  listDecisions(customerId: string, limit: number): JournalEntry[] {
    return this.#select.all(customerId, Math.max(0, limit)).map(fromRow);
  }
}

/**
 * Compacts an action: ids and times only; the content is the offer's and is stored with it. Each
 * kind is one object literal (no spread of a shared base): this runs for every action journalled.
 */
export function toJournalAction(action: DecisionAction): JournalAction {
  const { offerId, caseId } = action.offer;
  switch (action.kind) {
    case 'deliver':
      return {
        kind: action.kind,
        offerId,
        caseId,
        touchpointId: action.touchpointId,
        deliveryMethod: action.deliveryMethod,
        at: action.at,
      };
    case 'defer':
      return {
        kind: action.kind,
        offerId,
        caseId,
        touchpointId: action.touchpointId,
        deliveryMethod: action.deliveryMethod,
        at: action.deliverAt,
        expiresAt: action.expiresAt,
      };
    case 'hold':
      return { kind: action.kind, offerId, caseId };
    default: {
      const unreachable: never = action;
      throw new Error(`unknown action ${String(unreachable)}`);
    }
  }
}

function fromRow(row: JournalRow): JournalEntry {
  return {
    customerId: row.customer_id,
    at: row.at,
    trigger: row.trigger,
    ...(row.event_id !== null && { eventId: row.event_id }),
    actions: JSON.parse(row.actions) as JournalAction[],
    ...(row.trace !== null && { trace: JSON.parse(row.trace) as TraceEntry[] }),
  };
}
