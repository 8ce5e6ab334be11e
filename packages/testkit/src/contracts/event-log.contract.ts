import type { CustomerEvent } from '@omnitouch/core';
import type { EventLog } from '@omnitouch/engine';
import { describe, expect, it } from 'vitest';
import { useContractHarness, type ContractOptions } from './contract-options';

const t0 = Date.UTC(2026, 10, 25, 2, 0, 0);

function buildEvent(eventId: string, overrides: Partial<CustomerEvent> = {}): CustomerEvent {
  return {
    eventId,
    customerId: 'customer-1',
    type: 'top-up',
    occurredAt: t0,
    properties: { amount: 50, channel: '网厅', promo: true, note: null },
    ...overrides,
  };
}

/**
 * The `EventLog` contract every adapter must pass. `create` returns a new, empty log. Appends are
 * idempotent by `eventId` and reads keep log order. Pass `options.reopen` for a durable adapter.
 */
export function describeEventLogContract(
  name: string,
  create: () => EventLog | Promise<EventLog>,
  options?: ContractOptions<EventLog>,
): void {
  describe(`EventLog contract: ${name}`, () => {
    const harness = useContractHarness(create, options);

    it('starts empty', async () => {
      const log = await harness.open();
      expect(log.size()).toBe(0);
      expect(log.read(0, 10)).toEqual([]);
    });

    it('round-trips events in append order', async () => {
      const log = await harness.open();
      expect(log.append([buildEvent('e1'), buildEvent('e2', { occurredAt: t0 - 5 })])).toBe(2);
      expect(log.append([buildEvent('e3', { customerId: 'customer-2' })])).toBe(1);
      expect(log.read(0, 10)).toEqual([
        buildEvent('e1'),
        buildEvent('e2', { occurredAt: t0 - 5 }),
        buildEvent('e3', { customerId: 'customer-2' }),
      ]);
      expect(log.size()).toBe(3);
    });

    it('skips an event id it already holds, across and within batches', async () => {
      const log = await harness.open();
      log.append([buildEvent('e1')]);
      expect(
        log.append([buildEvent('e1', { type: 'other' }), buildEvent('e2'), buildEvent('e2')]),
      ).toBe(1);
      expect(log.size()).toBe(2);
      expect(log.read(0, 10).map((e) => [e.eventId, e.type])).toEqual([
        ['e1', 'top-up'],
        ['e2', 'top-up'],
      ]);
    });

    it('reads a window from a position, bounded by the limit and the end', async () => {
      const log = await harness.open();
      log.append(['e1', 'e2', 'e3', 'e4', 'e5'].map((id) => buildEvent(id)));
      expect(log.read(1, 2).map((e) => e.eventId)).toEqual(['e2', 'e3']);
      expect(log.read(3, 10).map((e) => e.eventId)).toEqual(['e4', 'e5']);
      expect(log.read(5, 10)).toEqual([]);
    });

    harness.itDurable(
      'keeps every acknowledged event, and its dedupe, across a reopen',
      async () => {
        let log = await harness.open();
        log.append([buildEvent('e1'), buildEvent('e2')]);
        log = await harness.reopen(log);
        expect(log.read(0, 10)).toEqual([buildEvent('e1'), buildEvent('e2')]);
        expect(log.append([buildEvent('e2'), buildEvent('e3')])).toBe(1);
        expect(log.size()).toBe(3);
      },
    );
  });
}
