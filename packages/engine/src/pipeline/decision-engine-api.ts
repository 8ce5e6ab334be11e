import type {
  CustomerEvent,
  Decision,
  DecisionAction,
  DecisionCatalog,
  OfferOutcome,
  OutcomeRecord,
  TraceEntry,
  Validated,
} from '@omnitouch/core';
import type { Clock } from '../ports/clock';
import type { OfferStore } from '../ports/offer-store';
import type { OutcomeStore } from '../ports/outcome-store';
import type { ProfileStore } from '../ports/profile-store';
import type { ScheduledDeliveryStore } from '../ports/scheduled-delivery-store';

/** What the decision pipeline runs on: its ports, the clock, and the first catalog. */
export interface DecisionEngineDeps {
  readonly profiles: ProfileStore;
  readonly offers: OfferStore;
  readonly outcomes: OutcomeStore;
  readonly clock: Clock;
  readonly catalog: DecisionCatalog;
  /** Where deferred contacts wait (quiet hours, strategy delays); without it they are dropped as `quiet-hours`. */
  readonly scheduled?: ScheduledDeliveryStore;
  /** Offer ids; random UUIDs by default. Tests pass a sequence for stable ids. */
  readonly newOfferId?: () => string;
  /** Beta prior of every (case, touchpoint) propensity; `{ alpha: 1, beta: 1 }` (uniform) by default. */
  readonly propensityPrior?: { readonly alpha: number; readonly beta: number };
}

/** Options of one `ingest`. `explain` asks for a trace entry per case considered (costs allocations). */
export interface IngestOptions {
  readonly explain?: boolean;
  /**
   * The catalog `event` was accepted against: the event is the accepted copy that
   * `validateCustomerEvent(input, validatedAgainst)` returned. When that is still the engine's
   * catalog the engine does not validate the event again (a server validates each request before
   * it acknowledges it); after a catalog swap it does, so a stale acceptance never slips through.
   */
  readonly validatedAgainst?: DecisionCatalog;
}

/** An inbound touchpoint asking what to offer the customer it is serving now. */
export interface DecideRequest {
  readonly customerId: string;
  readonly touchpointId: string;
  readonly staffId?: string;
  /** Offers to present at most; the contact policy's `offersPerInteraction` by default. */
  readonly limit?: number;
  readonly explain?: boolean;
}

/** An outcome reported for an offer; `at` (epoch ms) defaults to the engine clock's now. */
export interface OutcomeInput {
  readonly offerId: string;
  readonly outcome: OfferOutcome;
  readonly at?: number;
  /** Conversion amount in CNY. */
  readonly amount?: number;
  readonly staffId?: string;
}

/** The scheduled deliveries that fell due: what to send now, and what was skipped and why. */
export interface DueDeliveries {
  readonly actions: readonly DecisionAction[];
  /** `already-presented` entries for offers presented elsewhere (or no longer open) meanwhile. */
  readonly skipped: readonly TraceEntry[];
}

/**
 * The real-time decision pipeline. Synchronous and single-threaded per instance; every store write
 * it makes has happened when a call returns. Business outcomes are values, never exceptions.
 */
export interface DecisionEngine {
  /** Swaps the catalog; the next event or decision uses it. Open offers stay as they are. */
  loadCatalog(catalog: DecisionCatalog): void;
  /** Folds the event into the profile and returns what to do with the cases it triggers. */
  ingest(event: CustomerEvent, options?: IngestOptions): Validated<Decision>;
  /** Picks the customer's open offers to present at an inbound touchpoint now, at most `limit`. */
  decide(request: DecideRequest): Validated<Decision>;
  /** Records an outcome and learns from it (propensity, decline cooldown, unsubscribe). */
  recordOutcome(input: OutcomeInput): Validated<OutcomeRecord>;
  /** Presents the deferred deliveries due at `now` (at most `limit`) that are still open. */
  takeDueDeliveries(now: number, limit: number): DueDeliveries;
}
