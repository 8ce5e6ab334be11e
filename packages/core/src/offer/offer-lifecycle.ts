import type { OfferInstance } from './offer-instance';

/** Why an offer could not be presented. */
export type PresentOfferRejection = 'already-presented' | 'offer-expired' | 'unknown-touchpoint';

export type PresentOfferResult =
  | { readonly kind: 'presented' }
  | { readonly kind: 'rejected'; readonly reason: PresentOfferRejection };

const presented: PresentOfferResult = Object.freeze({ kind: 'presented' });

/**
 * Presents an open offer on one of its touchpoints at `at` (epoch ms): it becomes `presented`
 * with `presentedOn`/`presentedAt` set, so no other touchpoint can present it (cross-touchpoint
 * suppression). Anything else leaves the offer untouched and says why. This is the transition the
 * `OfferStore.tryPresent` adapters apply atomically.
 */
export function presentOffer(
  offer: OfferInstance,
  touchpointId: string,
  at: number,
): PresentOfferResult {
  if (offer.state === 'expired' || (offer.state === 'open' && at >= offer.expiresAt)) {
    return { kind: 'rejected', reason: 'offer-expired' };
  }
  if (offer.state !== 'open') {
    // Presented here, or withdrawn because it was presented elsewhere.
    return { kind: 'rejected', reason: 'already-presented' };
  }
  if (!offer.touchpointIds.includes(touchpointId)) {
    return { kind: 'rejected', reason: 'unknown-touchpoint' };
  }
  offer.state = 'presented';
  offer.presentedOn = touchpointId;
  offer.presentedAt = at;
  return presented;
}

/**
 * Closes an open offer as `withdrawn` or `expired`; returns whether it changed. Any other state is
 * final, so closing it is a no-op (as `OfferStore.close` requires).
 */
export function closeOffer(offer: OfferInstance, state: 'withdrawn' | 'expired'): boolean {
  if (offer.state !== 'open') {
    return false;
  }
  offer.state = state;
  return true;
}

/** Marks an open offer expired (its validity ended unpresented); false when it was not open. */
export function expireOffer(offer: OfferInstance): boolean {
  return closeOffer(offer, 'expired');
}

/** Withdraws an open offer (the case was paused or superseded); false when it was not open. */
export function withdrawOffer(offer: OfferInstance): boolean {
  return closeOffer(offer, 'withdrawn');
}

/** Whether the offer can still be presented at `now` (epoch ms): open and not past `expiresAt`. */
export function isOfferOpen(offer: OfferInstance, now: number): boolean {
  return offer.state === 'open' && now < offer.expiresAt;
}
