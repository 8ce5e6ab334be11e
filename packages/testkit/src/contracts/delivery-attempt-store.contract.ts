import type {
  DeadLetter,
  Delivery,
  DeliveryAttempt,
  DeliveryAttemptStore,
  PendingDelivery,
} from '@omnitouch/engine';
import { describe, expect, it } from 'vitest';
import { useContractHarness, type ContractOptions } from './contract-options';

/** The lease (ms) every store under the contract must be created with, so lease tests can time it. */
export const contractDeliveryLeaseMs = 1_000;

const start = Date.UTC(2026, 10, 25, 2, 0, 0);

function buildPending(n: number, dueIn: number): PendingDelivery {
  const delivery: Delivery = {
    offerId: `offer-${n}`,
    customerId: `cust-${n}`,
    caseId: 'case-a',
    touchpointId: 'webhook',
    deliveryMethod: 'push',
    content: { 'zh-CN': '优惠', en: 'Offer' },
    idempotencyKey: `offer-${n}:webhook`,
  };
  return {
    id: delivery.idempotencyKey,
    delivery,
    attempt: 2,
    nextAttemptAt: start + dueIn,
    firstAttemptAt: start,
  };
}

function buildDeadLetter(
  pending: PendingDelivery,
  overrides: Partial<DeadLetter> = {},
): DeadLetter {
  return {
    id: pending.id,
    delivery: pending.delivery,
    reason: 'rejected',
    detail: 'http-410',
    attempts: 1,
    deadAt: start,
    ...overrides,
  };
}

const base = { deliveryId: 'd', touchpointId: 'webhook', durationMs: 3 } as const;
const attempts: readonly DeliveryAttempt[] = [
  { ...base, attempt: 1, at: start, outcome: 'rejected', retryable: true, reason: 'timeout' },
  { ...base, attempt: 2, at: start + 9, outcome: 'error', reason: 'boom' },
  { ...base, attempt: 3, at: start + 20, outcome: 'delivered' },
];

/**
 * The `DeliveryAttemptStore` contract every adapter must pass. `create` returns a new, empty store
 * whose `takeDue` lease is `contractDeliveryLeaseMs`. Pass `options.reopen` for a durable adapter:
 * pending deliveries, leases, attempts and dead letters must then survive it.
 */
export function describeDeliveryAttemptStoreContract(
  name: string,
  create: () => DeliveryAttemptStore | Promise<DeliveryAttemptStore>,
  options?: ContractOptions<DeliveryAttemptStore>,
): void {
  describe(`DeliveryAttemptStore contract: ${name}`, () => {
    const harness = useContractHarness(create, options);

    it('returns only due deliveries, earliest first, at most the limit', async () => {
      const store = await harness.open();
      [
        buildPending(1, 300),
        buildPending(2, 100),
        buildPending(3, 200),
        buildPending(4, 9_000),
      ].forEach((p) => store.savePending(p));
      expect(store.takeDue(start + 300, 2)).toEqual([buildPending(2, 100), buildPending(3, 200)]);
      expect(store.takeDue(start + 300, 10).map((p) => p.id)).toEqual(['offer-1:webhook']);
      expect(store.takeDue(start + 300, 0)).toEqual([]);
      expect(store.pendingCount()).toBe(4);
    });

    it('hides a taken delivery until its lease ends, so a crash mid-attempt retries it', async () => {
      const store = await harness.open();
      store.savePending(buildPending(1, 0));
      expect(store.takeDue(start, 10)).toHaveLength(1);
      expect(store.takeDue(start + contractDeliveryLeaseMs - 1, 10)).toHaveLength(0);
      expect(store.takeDue(start + contractDeliveryLeaseMs, 10)).toEqual([buildPending(1, 0)]);
    });

    harness.itDurable('keeps a lease across a reopen, like a restart mid-attempt', async () => {
      let store = await harness.open();
      store.savePending(buildPending(1, 0));
      expect(store.takeDue(start, 10)).toHaveLength(1);
      store = await harness.reopen(store);
      expect(store.takeDue(start + contractDeliveryLeaseMs - 1, 10)).toHaveLength(0);
      expect(store.takeDue(start + contractDeliveryLeaseMs, 10)).toEqual([buildPending(1, 0)]);
    });

    it('reschedules on savePending, ending the lease, and forgets on clearPending', async () => {
      const store = await harness.open();
      store.savePending(buildPending(1, 0));
      store.takeDue(start, 10);
      store.savePending({ ...buildPending(1, 0), attempt: 3, nextAttemptAt: start + 5 });
      expect(store.takeDue(start + 5, 10)).toMatchObject([
        { attempt: 3, nextAttemptAt: start + 5 },
      ]);
      store.clearPending('offer-1:webhook');
      store.clearPending('offer-1:webhook');
      expect(store.pendingCount()).toBe(0);
    });

    it('moves a dead letter out of the pending list and hands it back once', async () => {
      const store = await harness.open();
      const [p1, p2] = [buildPending(1, 0), buildPending(2, 0)];
      store.savePending(p1);
      store.deadLetter(buildDeadLetter(p1));
      // Same deadAt: the later dead letter still counts as the more recent one.
      store.deadLetter(buildDeadLetter(p2, { reason: 'attempts-exhausted', attempts: 8 }));
      expect(store.pendingCount()).toBe(0);
      expect(store.listDeadLetters().map((l) => l.id)).toEqual([p2.id, p1.id]);
      expect(store.listDeadLetters(1).map((l) => l.id)).toEqual([p2.id]);
      expect(store.takeDeadLetter(p1.id)).toEqual(buildDeadLetter(p1));
      expect(store.takeDeadLetter(p1.id)).toBeUndefined();
    });

    it('keeps every attempt of a delivery in order, with its optional fields as recorded', async () => {
      const store = await harness.open();
      attempts.forEach((a) => store.recordAttempt(a));
      expect(store.listAttempts('d')).toEqual(attempts);
      expect(store.listAttempts('other')).toEqual([]);
    });

    harness.itDurable(
      'keeps pending deliveries, attempts and dead letters across a reopen',
      async () => {
        let store = await harness.open();
        store.savePending(buildPending(1, 0));
        store.deadLetter(buildDeadLetter(buildPending(2, 0)));
        attempts.forEach((a) => store.recordAttempt(a));
        store = await harness.reopen(store);
        expect(store.takeDue(start, 10)).toEqual([buildPending(1, 0)]);
        expect(store.listAttempts('d')).toEqual(attempts);
        expect(store.takeDeadLetter('offer-2:webhook')).toEqual(
          buildDeadLetter(buildPending(2, 0)),
        );
      },
    );
  });
}
