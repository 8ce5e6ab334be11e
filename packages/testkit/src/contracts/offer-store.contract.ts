import type { OfferStore } from '@omnitouch/engine';
import { describe, expect, it } from 'vitest';
import { buildOfferInstance, offerCreatedAt } from '../factories/offer-instance.factory';
import { useContractHarness, type ContractOptions } from './contract-options';

const t0 = offerCreatedAt;
const hour = 3_600_000;
const buildOffer = buildOfferInstance;

/**
 * The `OfferStore` contract every adapter must pass. `create` returns a new, empty store. An offer is
 * live while `state` is `open` and `now < expiresAt`. Pass `options.reopen` for a durable adapter.
 */
export function describeOfferStoreContract(
  name: string,
  create: () => OfferStore | Promise<OfferStore>,
  options?: ContractOptions<OfferStore>,
): void {
  describe(`OfferStore contract: ${name}`, () => {
    const harness = useContractHarness(create, options);

    it('round-trips an offer and knows no other', async () => {
      const store = await harness.open();
      store.create(buildOffer());
      expect(store.get('offer-1')).toEqual(buildOffer());
      expect(store.get('offer-2')).toBeUndefined();
    });

    it("lists a customer's live offers oldest first, and no one else's", async () => {
      const store = await harness.open();
      store.create(buildOffer({ offerId: 'o1', caseId: 'a', createdAt: t0 }));
      store.create(buildOffer({ offerId: 'o2', caseId: 'b', createdAt: t0 + 1 }));
      store.create(buildOffer({ offerId: 'o3', caseId: 'a', customerId: 'customer-2' }));
      expect(store.listOpen('customer-1', t0 + 2).map((o) => o.offerId)).toEqual(['o1', 'o2']);
      expect(store.listOpen('customer-3', t0)).toEqual([]);
    });

    it('does not list expired, presented or withdrawn offers', async () => {
      const store = await harness.open();
      store.create(buildOffer({ offerId: 'expired', caseId: 'a', expiresAt: t0 + 10 }));
      store.create(buildOffer({ offerId: 'presented', caseId: 'b' }));
      store.create(buildOffer({ offerId: 'withdrawn', caseId: 'c' }));
      store.create(buildOffer({ offerId: 'open', caseId: 'd' }));
      expect(store.tryPresent('presented', 'sms', t0 + 1)).toBe(true);
      store.close('withdrawn', 'withdrawn');
      expect(store.listOpen('customer-1', t0 + 10).map((o) => o.offerId)).toEqual(['open']);
      expect(store.listOpen('customer-1', t0 + hour)).toEqual([]);
    });

    it('finds the live offer of one (customer, case) only', async () => {
      const store = await harness.open();
      store.create(buildOffer({ offerId: 'o1', caseId: 'a' }));
      expect(store.findOpen('customer-1', 'a', t0)?.offerId).toBe('o1');
      expect(store.findOpen('customer-1', 'b', t0)).toBeUndefined();
      expect(store.findOpen('customer-2', 'a', t0)).toBeUndefined();
      expect(store.findOpen('customer-1', 'a', t0 + hour)).toBeUndefined();
    });

    it('finds a newly created offer once the previous one of the case was presented', async () => {
      const store = await harness.open();
      store.create(buildOffer({ offerId: 'o1' }));
      store.tryPresent('o1', 'sms', t0);
      expect(store.findOpen('customer-1', 'case-1', t0)).toBeUndefined();
      store.create(buildOffer({ offerId: 'o2', createdAt: t0 + 1 }));
      expect(store.findOpen('customer-1', 'case-1', t0 + 1)?.offerId).toBe('o2');
    });

    it('presents an offer exactly once across two touchpoints', async () => {
      const store = await harness.open();
      store.create(buildOffer());
      expect(store.tryPresent('offer-1', 'store-clerk', t0 + 5)).toBe(true);
      expect(store.tryPresent('offer-1', 'sms', t0 + 5)).toBe(false);
      expect(store.tryPresent('offer-1', 'store-clerk', t0 + 6)).toBe(false);
      expect(store.get('offer-1')).toMatchObject({
        state: 'presented',
        presentedOn: 'store-clerk',
        presentedAt: t0 + 5,
      });
    });

    it.each([
      ['an unknown offer', 'nope', 'sms', t0],
      ['a touchpoint the offer is not for', 'offer-1', 'app-push', t0],
      ['an expired offer', 'offer-1', 'sms', t0 + hour],
    ])('refuses to present %s', async (_label, offerId, touchpointId, at) => {
      const store = await harness.open();
      store.create(buildOffer());
      expect(store.tryPresent(offerId, touchpointId, at)).toBe(false);
      expect(store.get('offer-1')?.state).toBe('open');
    });

    it('closes only open offers', async () => {
      const store = await harness.open();
      store.create(buildOffer({ offerId: 'o1', caseId: 'a' }));
      store.create(buildOffer({ offerId: 'o2', caseId: 'b' }));
      store.tryPresent('o2', 'sms', t0);
      store.close('o1', 'expired');
      store.close('o2', 'withdrawn');
      expect(store.get('o1')?.state).toBe('expired');
      expect(store.get('o2')?.state).toBe('presented');
      expect(store.tryPresent('o1', 'sms', t0)).toBe(false);
    });

    harness.itDurable('keeps created and presented offers across a reopen', async () => {
      let store = await harness.open();
      store.create(buildOffer({ offerId: 'o1', caseId: 'a' }));
      store.create(buildOffer({ offerId: 'o2', caseId: 'b', createdAt: t0 + 1 }));
      store.create(buildOffer({ offerId: 'o3', caseId: 'c', createdAt: t0 + 2 }));
      store.tryPresent('o1', 'store-clerk', t0 + 3);
      store.close('o3', 'withdrawn');
      store = await harness.reopen(store);
      expect(store.get('o1')).toEqual({
        ...buildOffer({ offerId: 'o1', caseId: 'a' }),
        state: 'presented',
        presentedOn: 'store-clerk',
        presentedAt: t0 + 3,
      });
      expect(store.listOpen('customer-1', t0 + 4).map((o) => o.offerId)).toEqual(['o2']);
      expect(store.get('o3')?.state).toBe('withdrawn');
      expect(store.tryPresent('o1', 'sms', t0 + 5)).toBe(false);
      expect(store.tryPresent('o2', 'sms', t0 + 5)).toBe(true);
    });
  });
}
