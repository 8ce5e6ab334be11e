import type { OfferInstance } from '@omnitouch/core';

/**
 * One customer's open offers, oldest first, with their case ids in a parallel array: looking a case
 * up compares the ids (catalog strings, usually the same objects) without touching each offer,
 * whose objects lie scattered over the heap (each touch a likely cache miss).
 */
export class OpenOfferList {
  private readonly caseIds: string[];
  private readonly offers: OfferInstance[];

  constructor(first: OfferInstance) {
    this.caseIds = [first.caseId];
    this.offers = [first];
  }

  get size(): number {
    return this.offers.length;
  }

  /** Adds `offer` as the newest, replacing an offer of the same case (there is at most one). */
  add(offer: OfferInstance): void {
    const index = this.caseIds.indexOf(offer.caseId);
    if (index >= 0) {
      this.removeAt(index);
    }
    this.caseIds.push(offer.caseId);
    this.offers.push(offer);
  }

  /** The offer of `caseId`, open or not yet pruned. */
  ofCase(caseId: string): OfferInstance | undefined {
    const index = this.caseIds.indexOf(caseId);
    return index < 0 ? undefined : this.offers[index];
  }

  /** Removes `offer`; false when it is not listed. */
  remove(offer: OfferInstance): boolean {
    const index = this.offers.indexOf(offer);
    if (index < 0) {
      return false;
    }
    this.removeAt(index);
    return true;
  }

  /** Keeps only the offers `keep` accepts, in order; returns them. */
  retain(keep: (offer: OfferInstance) => boolean): OfferInstance[] {
    const kept: OfferInstance[] = [];
    let length = 0;
    for (let i = 0; i < this.offers.length; i++) {
      const offer = this.offers[i] as OfferInstance;
      if (keep(offer)) {
        kept.push(offer);
        this.offers[length] = offer;
        this.caseIds[length] = offer.caseId;
        length += 1;
      }
    }
    this.offers.length = length;
    this.caseIds.length = length;
    return kept;
  }

  /** `splice(index, 1)` on both arrays without allocating arrays of the removed items. */
  private removeAt(index: number): void {
    for (let i = index + 1; i < this.offers.length; i++) {
      this.offers[i - 1] = this.offers[i] as OfferInstance;
      this.caseIds[i - 1] = this.caseIds[i] as string;
    }
    this.offers.length -= 1;
    this.caseIds.length -= 1;
  }
}
