import type { CustomerEvent } from '@omnitouch/core';

/**
 * A top-up of 100 by `customerId` at `occurredAt`: enough to trigger every case of the front-line
 * test catalog for a customer added with `addQualifiedCustomer`.
 */
export function buildTopUpEvent(
  customerId: string,
  occurredAt: number,
  eventId: string = 'e-1',
): CustomerEvent {
  return { eventId, customerId, type: 'top-up', occurredAt, properties: { amount: 100 } };
}
