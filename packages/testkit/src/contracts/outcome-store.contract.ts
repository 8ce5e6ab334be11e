import type { OutcomeRecord } from '@omnitouch/core';
import type { OutcomeStore } from '@omnitouch/engine';
import { describe, expect, it } from 'vitest';
import { useContractHarness, type ContractOptions } from './contract-options';

const t0 = Date.UTC(2026, 10, 25, 2, 0, 0);

function buildOutcome(overrides: Partial<OutcomeRecord> = {}): OutcomeRecord {
  return {
    offerId: 'offer-1',
    customerId: 'customer-1',
    caseId: 'case-1',
    touchpointId: 'store-clerk',
    outcome: 'accepted',
    at: t0,
    ...overrides,
  };
}

/**
 * The `OutcomeStore` contract every adapter must pass. `create` returns a new, empty store.
 * Pass `options.reopen` for a durable adapter.
 */
export function describeOutcomeStoreContract(
  name: string,
  create: () => OutcomeStore | Promise<OutcomeStore>,
  options?: ContractOptions<OutcomeStore>,
): void {
  describe(`OutcomeStore contract: ${name}`, () => {
    const harness = useContractHarness(create, options);

    it('lists nothing for an offer without outcomes', async () => {
      const store = await harness.open();
      expect(store.listForOffer('offer-1')).toEqual([]);
    });

    it("lists an offer's outcomes in arrival order, with their optional fields", async () => {
      const store = await harness.open();
      store.append(buildOutcome({ outcome: 'viewed', at: t0 + 2 }));
      store.append(buildOutcome({ offerId: 'offer-2' }));
      store.append(
        buildOutcome({ outcome: 'converted', at: t0 + 1, amount: 58.5, staffId: 'clerk-7' }),
      );
      expect(store.listForOffer('offer-1')).toEqual([
        buildOutcome({ outcome: 'viewed', at: t0 + 2 }),
        buildOutcome({ outcome: 'converted', at: t0 + 1, amount: 58.5, staffId: 'clerk-7' }),
      ]);
      expect(store.listForOffer('offer-2')).toEqual([buildOutcome({ offerId: 'offer-2' })]);
    });

    harness.itDurable('keeps every acknowledged outcome across a reopen', async () => {
      let store = await harness.open();
      store.append(buildOutcome({ outcome: 'delivered' }));
      store.append(buildOutcome({ outcome: 'declined', at: t0 + 1, staffId: 'clerk-1' }));
      store = await harness.reopen(store);
      expect(store.listForOffer('offer-1')).toEqual([
        buildOutcome({ outcome: 'delivered' }),
        buildOutcome({ outcome: 'declined', at: t0 + 1, staffId: 'clerk-1' }),
      ]);
    });
  });
}
