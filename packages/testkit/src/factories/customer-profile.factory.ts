import { restoreCustomerProfile, type CustomerProfile } from '@omnitouch/core';

/**
 * A profile with no tags (a one-word bitset), no attributes and consent given; `customer-1` unless
 * overridden. Optional collections stay `undefined`, as the core leaves them; the profile has the
 * core's one shape (`restoreCustomerProfile`), like every profile the pipeline sees.
 */
export function buildCustomerProfile(overrides: Partial<CustomerProfile> = {}): CustomerProfile {
  const { customerId = 'customer-1', tags = new Uint32Array(1), ...parts } = overrides;
  return restoreCustomerProfile(customerId, tags, {
    attributes: {},
    consent: { unsubscribed: false },
    ...parts,
  });
}
