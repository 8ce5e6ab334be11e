import type { ScheduledDelivery, ScheduledDeliveryStore } from '@omnitouch/engine';
import { describe, expect, it } from 'vitest';
import { useContractHarness, type ContractOptions } from './contract-options';

const t0 = Date.UTC(2026, 10, 25, 13, 0, 0);
const hour = 3_600_000;

function buildDelivery(offerId: string, deliverAt: number): ScheduledDelivery {
  return {
    offerId,
    customerId: 'customer-1',
    caseId: 'case-1',
    touchpointId: 'sms',
    deliveryMethod: 'sms',
    content: { 'zh-CN': '早上好', en: 'Good morning' },
    deliverAt,
    expiresAt: deliverAt + 12 * hour,
  };
}

/**
 * The `ScheduledDeliveryStore` contract every adapter must pass. `create` returns a new, empty store.
 * `takeDue` returns deliveries with `deliverAt <= now`, earliest first (then in scheduling order),
 * and removes them. Pass `options.reopen` for a durable adapter.
 */
export function describeScheduledDeliveryStoreContract(
  name: string,
  create: () => ScheduledDeliveryStore | Promise<ScheduledDeliveryStore>,
  options?: ContractOptions<ScheduledDeliveryStore>,
): void {
  describe(`ScheduledDeliveryStore contract: ${name}`, () => {
    const harness = useContractHarness(create, options);

    it('returns nothing before a delivery is due', async () => {
      const store = await harness.open();
      store.schedule(buildDelivery('o1', t0 + hour));
      expect(store.takeDue(t0 + hour - 1, 10)).toEqual([]);
      expect(store.size()).toBe(1);
    });

    it('returns due deliveries earliest first, whatever order they were scheduled in', async () => {
      const store = await harness.open();
      store.schedule(buildDelivery('late', t0 + 3 * hour));
      store.schedule(buildDelivery('tie-1', t0 + hour));
      store.schedule(buildDelivery('early', t0));
      store.schedule(buildDelivery('tie-2', t0 + hour));
      store.schedule(buildDelivery('future', t0 + 9 * hour));
      expect(store.takeDue(t0 + 3 * hour, 10)).toEqual([
        buildDelivery('early', t0),
        buildDelivery('tie-1', t0 + hour),
        buildDelivery('tie-2', t0 + hour),
        buildDelivery('late', t0 + 3 * hour),
      ]);
      expect(store.size()).toBe(1);
    });

    it('hands each delivery out exactly once, at most `limit` at a time', async () => {
      const store = await harness.open();
      for (let i = 0; i < 5; i++) {
        store.schedule(buildDelivery(`o${i}`, t0 + i));
      }
      const first = store.takeDue(t0 + 10, 2).map((d) => d.offerId);
      const rest = store.takeDue(t0 + 10, 10).map((d) => d.offerId);
      expect(first).toEqual(['o0', 'o1']);
      expect(rest).toEqual(['o2', 'o3', 'o4']);
      expect(store.takeDue(t0 + 10, 10)).toEqual([]);
      expect(store.size()).toBe(0);
    });

    harness.itDurable(
      'keeps scheduled deliveries, and forgets taken ones, across a reopen',
      async () => {
        let store = await harness.open();
        store.schedule(buildDelivery('o1', t0));
        store.schedule(buildDelivery('o2', t0 + hour));
        expect(store.takeDue(t0, 10).map((d) => d.offerId)).toEqual(['o1']);
        store = await harness.reopen(store);
        expect(store.size()).toBe(1);
        expect(store.takeDue(t0 + hour, 10)).toEqual([buildDelivery('o2', t0 + hour)]);
      },
    );
  });
}
