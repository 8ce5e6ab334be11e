import type { CustomerProfile } from '@omnitouch/core';

/**
 * A profile with no tags (a one-word bitset), no attributes and consent given; `customer-1` unless
 * overridden. Optional collections stay `undefined`, as the core leaves them.
 */
export function buildCustomerProfile(overrides: Partial<CustomerProfile> = {}): CustomerProfile {
  return {
    customerId: 'customer-1',
    tags: new Uint32Array(1),
    attributes: {},
    consent: { unsubscribed: false },
    ...overrides,
  };
}
