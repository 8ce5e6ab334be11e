import { closeOffer, isOfferOpen, presentOffer, type OfferInstance } from '@omnitouch/core';
import type { OfferStore } from '@omnitouch/engine';
import { OpenOfferList } from './open-offer-list';

/**
 * An `OfferStore` in memory. Open offers are indexed by customer in a short list, oldest first
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
  private readonly openByCustomer = new Map<string, OpenOfferList>();
  /**
   * The last customer's entry of `openByCustomer` (`undefined`: none): the pipeline asks `findOpen`
   * for every case an event triggers, all for one customer, so this saves a Map look-up per case.
   */
  private lastCustomerId: string | undefined = undefined;
  private lastOpen: OpenOfferList | undefined = undefined;

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
      this.lastOpen = new OpenOfferList(offer);
      this.openByCustomer.set(offer.customerId, this.lastOpen);
      return;
    }
    // A re-created case replaces its previous offer and goes to the end: oldest first.
    open.add(offer);
  }

  get(offerId: string): OfferInstance | undefined {
    return this.filed().get(offerId);
  }

  listOpen(customerId: string, now: number): OfferInstance[] {
    const open = this.openOf(customerId);
    if (open === undefined) {
      return [];
    }
    const live = open.retain((offer) => isOfferOpen(offer, now));
    this.dropIfEmpty(customerId, open); // expired offers leave the index
    return live;
  }

  findOpen(customerId: string, caseId: string, now: number): OfferInstance | undefined {
    const offer = this.openOf(customerId)?.ofCase(caseId);
    if (offer === undefined || isOfferOpen(offer, now)) {
      return offer;
    }
    // Expired (its state may still say `open`): it can never be presented, so drop it.
    this.unindex(offer);
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

  private openOf(customerId: string): OpenOfferList | undefined {
    if (customerId !== this.lastCustomerId) {
      this.lastCustomerId = customerId;
      this.lastOpen = this.openByCustomer.get(customerId);
    }
    return this.lastOpen;
  }

  private unindex(offer: OfferInstance): void {
    const open = this.openOf(offer.customerId);
    if (open?.remove(offer) === true) {
      this.dropIfEmpty(offer.customerId, open);
    }
  }

  /** Drops the customer's entry once no offer is left in it. */
  private dropIfEmpty(customerId: string, open: OpenOfferList): void {
    if (open.size === 0) {
      this.openByCustomer.delete(customerId);
      this.lastOpen = undefined;
    }
  }
}
