import { closeOffer, presentOffer, type OfferInstance } from '@omnitouch/core';
import type { OfferStore } from '@omnitouch/engine';

/**
 * An `OfferStore` in front of the SQLite one for the decision runtime. It keeps, per customer it
 * has seen, the offers still `open` in memory, so `findOpen` — asked for every case an event
 * matches — needs no SELECT. New offers are written back: held until `flush`, which the runtime
 * calls inside the deciding transaction before it commits, so an offer presented (or closed) in
 * the transaction that opened it is inserted once in its final state instead of inserted, then
 * updated. Coherent only while EVERY offer write goes through it; after a rolled-back transaction
 * `discard` must drop it, because it holds the rolled-back writes.
 */
export interface OpenOfferCache extends OfferStore {
  /** Inserts the offers created since the last flush; call inside the deciding transaction. */
  flush(): void;
  /** Forgets every cached customer and every unflushed offer (after a rollback). */
  discard(): void;
}

/**
 * Wraps `store`. Keeps at most about `maxCustomers` customers' lists (cleared wholesale beyond that,
 * as the profile cache does, never while offers wait for `flush`). A customer's list is loaded once
 * with `listOpen` and kept in the store's order (`createdAt`, then creation), including offers past
 * `expiresAt`: queries filter expiry at their own `now`, as the store's SQL does. Offers are copied
 * in and out, so a caller mutating an offer object cannot change what the cache answers.
 */
export function createOpenOfferCache(store: OfferStore, maxCustomers = 200_000): OpenOfferCache {
  let byCustomer = new Map<string, OfferInstance[]>();
  let ownerOf = new Map<string, string>(); // offer id → customer id, for the cached open offers
  let unflushed = new Map<string, OfferInstance>(); // created, not yet inserted; creation order

  const openOf = (customerId: string): OfferInstance[] => {
    let open = byCustomer.get(customerId);
    if (open === undefined) {
      if (byCustomer.size >= maxCustomers && unflushed.size === 0) {
        byCustomer = new Map();
        ownerOf = new Map();
      }
      // Every offer still `open`, whatever its expiry: later queries ask about other moments.
      open = store.listOpen(customerId, Number.MIN_SAFE_INTEGER);
      for (const offer of open) {
        ownerOf.set(offer.offerId, customerId);
      }
      byCustomer.set(customerId, open);
    }
    return open;
  };

  const forget = (offerId: string): void => {
    const customerId = ownerOf.get(offerId);
    if (customerId === undefined) {
      return;
    }
    ownerOf.delete(offerId);
    const open = byCustomer.get(customerId);
    const index = open?.findIndex((offer) => offer.offerId === offerId) ?? -1;
    if (index >= 0) {
      open?.splice(index, 1);
    }
  };

  return {
    create(offer) {
      if (unflushed.has(offer.offerId)) {
        throw new Error(`offer ${offer.offerId} was already created`);
      }
      const kept = { ...offer };
      const open = openOf(offer.customerId); // before it is unflushed: the list cannot be cleared
      unflushed.set(offer.offerId, kept);
      if (kept.state === 'open') {
        insertInStoreOrder(open, kept);
        ownerOf.set(kept.offerId, kept.customerId);
      }
    },
    get(offerId) {
      const kept = unflushed.get(offerId);
      return kept === undefined ? store.get(offerId) : { ...kept };
    },
    listOpen: (customerId, now) =>
      openOf(customerId)
        .filter((offer) => now < offer.expiresAt)
        .map((offer) => ({ ...offer })),
    findOpen(customerId, caseId, now) {
      for (const offer of openOf(customerId)) {
        if (offer.caseId === caseId && now < offer.expiresAt) {
          return { ...offer };
        }
      }
      return undefined;
    },
    tryPresent(offerId, touchpointId, at) {
      const kept = unflushed.get(offerId);
      const presented =
        kept === undefined
          ? store.tryPresent(offerId, touchpointId, at)
          : presentOffer(kept, touchpointId, at).kind === 'presented';
      if (presented) {
        forget(offerId);
      }
      return presented;
    },
    close(offerId, state) {
      const kept = unflushed.get(offerId);
      if (kept === undefined) {
        store.close(offerId, state);
      } else {
        closeOffer(kept, state);
      }
      forget(offerId);
    },
    flush() {
      const created = unflushed;
      unflushed = new Map();
      for (const offer of created.values()) {
        store.create(offer);
      }
    },
    discard() {
      byCustomer = new Map();
      ownerOf = new Map();
      unflushed = new Map();
    },
  };
}

/** After every offer created at or before it: the store orders by `createdAt`, then by insertion. */
function insertInStoreOrder(open: OfferInstance[], offer: OfferInstance): void {
  let index = open.length;
  while (index > 0 && (open[index - 1] as OfferInstance).createdAt > offer.createdAt) {
    index -= 1;
  }
  open.splice(index, 0, offer);
}
