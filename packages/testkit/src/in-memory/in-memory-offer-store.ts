import { closeOffer, isOfferOpen, presentOffer, type OfferInstance } from '@omnitouch/core';
import type { OfferStore } from '@omnitouch/engine';

/**
 * An `OfferStore` in memory. Open offers are indexed customer → case → offer, so `findOpen` and
 * `listOpen` are two Map look-ups without building a key string; an offer leaves the index as soon
 * as it is presented, closed, or found expired. Single-threaded JS makes `tryPresent` (the core's `presentOffer` transition) atomic.
 */
export class InMemoryOfferStore implements OfferStore {
  private readonly byId = new Map<string, OfferInstance>();
  private readonly openByCustomer = new Map<string, Map<string, OfferInstance>>();

  create(offer: OfferInstance): void {
    this.byId.set(offer.offerId, offer);
    if (offer.state !== 'open') {
      return;
    }
    let byCase = this.openByCustomer.get(offer.customerId);
    if (byCase === undefined) {
      byCase = new Map();
      this.openByCustomer.set(offer.customerId, byCase);
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
    const byCase = this.openByCustomer.get(customerId);
    if (byCase === undefined) {
      return open;
    }
    for (const offer of byCase.values()) {
      if (isOfferOpen(offer, now)) {
        open.push(offer);
      }
    }
    return open;
  }

  findOpen(customerId: string, caseId: string, now: number): OfferInstance | undefined {
    const offer = this.openByCustomer.get(customerId)?.get(caseId);
    return offer !== undefined && isOfferOpen(offer, now) ? offer : undefined;
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

  private unindex(offer: OfferInstance): void {
    const byCase = this.openByCustomer.get(offer.customerId);
    if (byCase?.get(offer.caseId) === offer) {
      byCase.delete(offer.caseId);
      if (byCase.size === 0) {
        this.openByCustomer.delete(offer.customerId);
      }
    }
  }
}
