import type { OfferInstance } from '@omnitouch/core';

/**
 * Offer instances. `tryPresent` is the single atomic step of cross-touchpoint suppression: of two
 * touchpoints presenting the same open offer at the same moment, exactly one gets `true`.
 */
export interface OfferStore {
  create(offer: OfferInstance): void;
  get(offerId: string): OfferInstance | undefined;
  /** Offers for the customer still `open` and not expired at `now`, oldest first. */
  listOpen(customerId: string, now: number): OfferInstance[];
  /** The open offer of this (customer, case), if any — a case is never open twice for one customer. */
  findOpen(customerId: string, caseId: string, now: number): OfferInstance | undefined;
  /** Marks the offer presented on `touchpointId` iff it is still open and unexpired; true when this call won. */
  tryPresent(offerId: string, touchpointId: string, at: number): boolean;
  /** Moves an open offer to `withdrawn` or `expired`; a no-op on any other state. */
  close(offerId: string, state: 'withdrawn' | 'expired'): void;
}
