import type { CustomerEvent } from '@omnitouch/core';
import { fakeClockStart } from '../clock/fake-clock';
import { nextFactoryId } from './factory-ids';

/** A valid `top-up` event of 50 CNY by `customer-1` at the fake clock's start, with a fresh `eventId`. */
export function buildCustomerEvent(overrides: Partial<CustomerEvent> = {}): CustomerEvent {
  return {
    eventId: overrides.eventId ?? nextFactoryId('event'),
    customerId: 'customer-1',
    type: 'top-up',
    occurredAt: fakeClockStart,
    properties: { amount: 50 },
    ...overrides,
  };
}
