import { closeOffer, isOfferOpen, presentOffer, type OfferInstance } from '@omnitouch/core';
import type { OfferStore } from '@omnitouch/engine';

/**
 * An `OfferStore` in memory. Open offers are indexed by customer in a short array, oldest first
 * (a customer has a handful open at most, so a scan beats a Map per customer in both time and
 * memory); `findOpen` and `listOpen` build no key string. An offer leaves the index as soon as it
 * is presented, closed, or found expired, so the index holds open offers only and does not grow
 * with traffic. Single-threaded JS makes `tryPresent` (the core's `presentOffer` transition) atomic.
 */
export class InMemoryOfferStore implements OfferStore {
  private readonly byId = new Map<string, OfferInstance>();
  /**
   * Offers created since `byId` was last brought up to date, in creation order. Filing an offer
   * under its id costs a hash of a fresh id string and an insert into an ever-growing Map (re-hashed
   * as it grows); the event path never looks an offer up by id (`tryPresent` takes `lastCreated`),
   * so the filing waits for the first look-up by id, which files them all in one go.
   */
  private readonly unfiled: OfferInstance[] = [];
  private readonly openByCustomer = new Map<string, OfferInstance[]>();
  /**
   * The last customer's entry of `openByCustomer` (`undefined`: none): the pipeline asks `findOpen`
   * for every case an event triggers, all for one customer, so this saves a Map look-up per case.
   */
  private lastCustomerId: string | undefined = undefined;
  private lastOpen: OfferInstance[] | undefined = undefined;

  /** The offer created last: the pipeline presents a new offer right after creating it. */
  private lastCreated: OfferInstance | undefined = undefined;

  create(offer: OfferInstance): void {
    this.unfiled.push(offer);
    this.lastCreated = offer;
    if (offer.state !== 'open') {
      return;
    }
    const open = this.openOf(offer.customerId);
    if (open === undefined) {
      this.lastOpen = [offer];
      this.openByCustomer.set(offer.customerId, this.lastOpen);
      return;
    }
    // A re-created case replaces its previous offer and goes to the end: oldest first.
    removeCase(open, offer.caseId);
    open.push(offer);
  }

  get(offerId: string): OfferInstance | undefined {
    return this.filed().get(offerId);
  }

  listOpen(customerId: string, now: number): OfferInstance[] {
    const open = this.openOf(customerId);
    if (open === undefined) {
      return [];
    }
    const live: OfferInstance[] = [];
    let kept = 0;
    for (const offer of open) {
      if (isOfferOpen(offer, now)) {
        live.push(offer);
        open[kept++] = offer;
      }
    }
    this.shrink(customerId, open, kept); // expired offers leave the index
    return live;
  }

  findOpen(customerId: string, caseId: string, now: number): OfferInstance | undefined {
    const open = this.openOf(customerId);
    if (open === undefined) {
      return undefined;
    }
    for (const offer of open) {
      if (offer.caseId === caseId) {
        if (isOfferOpen(offer, now)) {
          return offer;
        }
        // Expired (its state may still say `open`): it can never be presented, so drop it.
        this.unindex(offer);
        return undefined;
      }
    }
    return undefined;
  }

  tryPresent(offerId: string, touchpointId: string, at: number): boolean {
    const last = this.lastCreated;
    const offer = last !== undefined && last.offerId === offerId ? last : this.filed().get(offerId);
    if (offer === undefined || presentOffer(offer, touchpointId, at).kind !== 'presented') {
      return false;
    }
    this.unindex(offer);
    return true;
  }

  close(offerId: string, state: 'withdrawn' | 'expired'): void {
    const offer = this.filed().get(offerId);
    if (offer !== undefined && closeOffer(offer, state)) {
      this.unindex(offer);
    }
  }

  /** `byId` with every offer created so far filed in it (a later offer under an id wins). */
  private filed(): Map<string, OfferInstance> {
    const unfiled = this.unfiled;
    if (unfiled.length > 0) {
      for (const offer of unfiled) {
        this.byId.set(offer.offerId, offer);
      }
      unfiled.length = 0;
    }
    return this.byId;
  }

  private openOf(customerId: string): OfferInstance[] | undefined {
    if (customerId !== this.lastCustomerId) {
      this.lastCustomerId = customerId;
      this.lastOpen = this.openByCustomer.get(customerId);
    }
    return this.lastOpen;
  }

  private unindex(offer: OfferInstance): void {
    const open = this.openOf(offer.customerId);
    const index = open === undefined ? -1 : open.indexOf(offer);
    if (open !== undefined && index >= 0) {
      removeAt(open, index);
      this.shrink(offer.customerId, open, open.length);
    }
  }

  /** Keeps the first `length` offers of the customer's index, dropping the entry when empty. */
  private shrink(customerId: string, open: OfferInstance[], length: number): void {
    open.length = length;
    if (length === 0) {
      this.openByCustomer.delete(customerId);
      this.lastOpen = undefined;
    }
  }
}

/** Removes the offer of `caseId` from `open`, if any (there is at most one). */
function removeCase(open: OfferInstance[], caseId: string): void {
  for (let i = 0; i < open.length; i++) {
    if (open[i]?.caseId === caseId) {
      removeAt(open, i);
      return;
    }
  }
}

/** `open.splice(index, 1)` without allocating the array of removed items. */
function removeAt(open: OfferInstance[], index: number): void {
  for (let i = index + 1; i < open.length; i++) {
    open[i - 1] = open[i] as OfferInstance;
  }
  open.length -= 1;
}
