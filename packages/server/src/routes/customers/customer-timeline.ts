import type { ContactRecord, CustomerEvent, OutcomeRecord } from '@omnitouch/core';
import type { JournalEntry } from '@omnitouch/store-sqlite';
import type { TimelineEntry } from './customers.schema';

/** What a customer's timeline is made of, each list from its own store. */
export interface TimelineSources {
  readonly events: readonly CustomerEvent[];
  readonly decisions: readonly JournalEntry[];
  readonly contacts: readonly ContactRecord[];
  readonly outcomes: readonly OutcomeRecord[];
}

// Same instant: the event first happened, then the decision, the contact, and the outcome last.
// Newest first puts the later step above the earlier one.
const stepOf: Readonly<Record<TimelineEntry['kind'], number>> = {
  event: 0,
  decision: 1,
  contact: 2,
  outcome: 3,
};

/** Merges the sources newest first (ties in causal order, later step first); at most `limit`. */
export function mergeTimeline(sources: TimelineSources, limit: number): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...sources.events.map((e): TimelineEntry => ({
      kind: 'event',
      at: e.occurredAt,
      eventId: e.eventId,
      type: e.type,
      properties: e.properties,
    })),
    ...sources.decisions.map((d): TimelineEntry => ({
      kind: 'decision',
      at: d.at,
      trigger: d.trigger,
      ...(d.eventId !== undefined && { eventId: d.eventId }),
      actions: [...d.actions],
      ...(d.trace !== undefined && { trace: [...d.trace] }),
    })),
    ...sources.contacts.map((c): TimelineEntry => ({ kind: 'contact', ...c })),
    ...sources.outcomes.map((o): TimelineEntry => ({
      kind: 'outcome',
      at: o.at,
      offerId: o.offerId,
      caseId: o.caseId,
      touchpointId: o.touchpointId,
      outcome: o.outcome,
      ...(o.amount !== undefined && { amount: o.amount }),
      ...(o.staffId !== undefined && { staffId: o.staffId }),
    })),
  ];
  entries.sort((a, b) => b.at - a.at || stepOf[b.kind] - stepOf[a.kind]);
  return entries.slice(0, Math.max(0, limit));
}
