import type {
  CatalogSnapshot,
  CustomerEvent,
  Decision,
  DecisionCatalog,
  FieldIssue,
  OutcomeRecord,
  Validated,
} from '@omnitouch/core';
import type { DecideRequest, DecisionEngine, OutcomeInput } from '@omnitouch/engine';

/**
 * A change to one customer's profile from an `identify` call or a bulk import. Attribute values are
 * checked against the attribute's type; `tags` names static tags to set (true) or clear (false).
 */
export interface ProfileChange {
  readonly customerId: string;
  readonly attributes?: Readonly<Record<string, number | string | null>>;
  readonly tags?: Readonly<Record<string, boolean>>;
  readonly consent?: {
    readonly unsubscribed?: boolean;
    readonly optedOutMethods?: readonly string[];
  };
  readonly utcOffsetMinutes?: number;
}

/** What one accepted ingest call did: how many events were new (the rest were duplicates by id). */
export interface IngestReceipt {
  readonly accepted: number;
  readonly duplicates: number;
  /** Decisions of the events processed by this call (empty for duplicates); traces when explain was asked. */
  readonly decisions: readonly Decision[];
}

/**
 * The server's decision runtime: the engine on the SQLite stores, the durable event log, and the
 * dispatch of actions. `ingest` resolves only after the events are durable (group commit); an
 * acknowledged event that was not yet processed when the process died is processed at `recover()`.
 */
export interface DecisionRuntime {
  readonly engine: DecisionEngine;
  /** The compiled catalog in force (its `tagIndex` is the bit numbering profiles are stored with). */
  currentCatalog(): DecisionCatalog;
  /** Validates every event (a bad one rejects the whole call, nothing applied), commits, then decides. */
  ingest(
    events: readonly unknown[],
    options?: { readonly explain?: boolean },
  ): Promise<Validated<IngestReceipt>>;
  /** Applies profile changes in one transaction; a bad change rejects all of them (issues per `/i/field`). */
  applyProfileChanges(changes: readonly ProfileChange[]): Validated<{ readonly applied: number }>;
  /** Every issue `ingest` would report for `events`, applying nothing (to check several parts first). */
  checkEvents(events: readonly unknown[]): readonly FieldIssue[];
  /** Every issue `applyProfileChanges` would report for `changes`, applying nothing. */
  checkProfileChanges(changes: readonly ProfileChange[]): readonly FieldIssue[];
  decide(request: DecideRequest): Validated<Decision>;
  recordOutcome(input: OutcomeInput): Validated<OutcomeRecord>;
  /** Recompiles and swaps the catalog (called by the CatalogService after a successful save). */
  applyCatalog(snapshot: CatalogSnapshot): readonly FieldIssue[];
  /** Processes acknowledged events the previous process did not get to; returns how many. */
  recover(): number;
  /** Starts the background loops (due scheduled deliveries, delivery retries). */
  start(): void;
  /** Stops the loops and waits for in-flight work. */
  stop(): Promise<void>;
}

export type { CustomerEvent };
