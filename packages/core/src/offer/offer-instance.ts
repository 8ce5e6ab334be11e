import type { LocalizedText } from '../i18n/localized-text';

export type OfferState = 'open' | 'presented' | 'withdrawn' | 'expired';

/**
 * One (customer, marketing case) match. It may be presented on any of `touchpointIds`, but on one
 * only: presenting it withdraws it from the others (cross-touchpoint suppression).
 */
export interface OfferInstance {
  readonly offerId: string;
  readonly customerId: string;
  readonly caseId: string;
  readonly caseVersion: number;
  /** The event that created it. */
  readonly eventId: string;
  /** Epoch ms. */
  readonly createdAt: number;
  readonly expiresAt: number;
  /** Touchpoints it may be presented on, in order of preference. */
  readonly touchpointIds: readonly string[];
  /** Arbitration score at creation (propensity × value × context × lever). */
  readonly score: number;
  readonly content: LocalizedText;
  state: OfferState;
  presentedOn?: string;
  presentedAt?: number;
}

export const offerOutcomes = [
  'delivered',
  'viewed',
  'accepted',
  'declined',
  'converted',
  'unsubscribed',
] as const;

/** What happened after an offer was presented, as reported by the touchpoint or the staff member. */
export type OfferOutcome = (typeof offerOutcomes)[number];

/** An outcome as recorded: `at` is epoch ms; `amount` (CNY) for conversions. */
export interface OutcomeRecord {
  readonly offerId: string;
  readonly customerId: string;
  readonly caseId: string;
  readonly touchpointId: string;
  readonly outcome: OfferOutcome;
  readonly at: number;
  readonly amount?: number;
  readonly staffId?: string;
}
