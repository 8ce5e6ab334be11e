import { closeOffer, isOfferOpen, presentOffer, type OfferInstance } from '@omnitouch/core';
import type { OfferStore } from '@omnitouch/engine';

/**
 * An `OfferStore` in memory. Open offers are indexed customer → case → offer, so `findOpen` and
 * `listOpen` are two Map look-ups without building a key string; an offer leaves the index as soon
 * as it is presented, closed, or found expired, so the index holds open offers only and does not
 * grow with traffic. Single-threaded JS makes `tryPresent` (the core's `presentOffer` transition)
 * atomic.
 */
export class InMemoryOfferStore implements OfferStore {
  private readonly byId = new Map<string, OfferInstance>();
  private readonly openByCustomer = new Map<string, Map<string, OfferInstance>>();
  /**
   * The last customer's entry of `openByCustomer` (`undefined`: none): the pipeline asks `findOpen`
   * for every case an event triggers, all for one customer, so this saves a Map look-up per case.
   */
  private lastCustomerId: string | undefined = undefined;
  private lastByCase: Map<string, OfferInstance> | undefined = undefined;

  create(offer: OfferInstance): void {
    this.byId.set(offer.offerId, offer);
    if (offer.state !== 'open') {
      return;
    }
    let byCase = this.openOf(offer.customerId);
    if (byCase === undefined) {
      byCase = new Map();
      this.openByCustomer.set(offer.customerId, byCase);
      this.lastByCase = byCase;
    }
    // A re-created case goes to the end, keeping `listOpen` oldest first.
    byCase.delete(offer.caseId);
    byCase.set(offer.caseId, offer);
  }

  get(offerId: string): OfferInstance | undefined {
    return this.byId.get(offerId);
  }

  listOpen(customerId: string, now: number): OfferInstance[] {
    const open: OfferInstance[] = [];
    const byCase = this.openOf(customerId);
    if (byCase === undefined) {
      return open;
    }
    for (const offer of byCase.values()) {
      if (isOfferOpen(offer, now)) {
        open.push(offer);
      } else {
        byCase.delete(offer.caseId); // expired: deleting the current entry is safe mid-iteration
      }
    }
    if (byCase.size === 0) {
      this.openByCustomer.delete(customerId);
      this.lastByCase = undefined;
    }
    return open;
  }

  findOpen(customerId: string, caseId: string, now: number): OfferInstance | undefined {
    const byCase = this.openOf(customerId);
    const offer = byCase?.get(caseId);
    if (offer === undefined) {
      return undefined;
    }
    if (isOfferOpen(offer, now)) {
      return offer;
    }
    // Expired (its state may still say `open`): it can never be presented, so drop it.
    this.unindex(offer);
    return undefined;
  }

  tryPresent(offerId: string, touchpointId: string, at: number): boolean {
    const offer = this.byId.get(offerId);
    if (offer === undefined || presentOffer(offer, touchpointId, at).kind !== 'presented') {
      return false;
    }
    this.unindex(offer);
    return true;
  }

  close(offerId: string, state: 'withdrawn' | 'expired'): void {
    const offer = this.byId.get(offerId);
    if (offer !== undefined && closeOffer(offer, state)) {
      this.unindex(offer);
    }
  }

  private openOf(customerId: string): Map<string, OfferInstance> | undefined {
    if (customerId !== this.lastCustomerId) {
      this.lastCustomerId = customerId;
      this.lastByCase = this.openByCustomer.get(customerId);
    }
    return this.lastByCase;
  }

  private unindex(offer: OfferInstance): void {
    const byCase = this.openOf(offer.customerId);
    if (byCase?.get(offer.caseId) === offer) {
      byCase.delete(offer.caseId);
      if (byCase.size === 0) {
        this.openByCustomer.delete(offer.customerId);
        this.lastByCase = undefined;
      }
    }
  }
}
