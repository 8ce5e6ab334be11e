import type { CustomerProfile } from '@omnitouch/core';
import type { ProfileStore } from '@omnitouch/engine';
import { describe, expect, it } from 'vitest';
import { buildCustomerProfile } from '../factories/customer-profile.factory';
import { useContractHarness, type ContractOptions } from './contract-options';

const day = 86_400_000;
const t0 = Date.UTC(2026, 10, 25, 2, 0, 0);

/** A profile with every field set, including awkward values (0, negatives, CJK, a 3-word bitset). */
function buildFullProfile(customerId = 'customer-full'): CustomerProfile {
  const tags = new Uint32Array(3);
  tags[0] = 0b1011;
  tags[2] = 0x8000_0001; // bit 95 (the top bit) and bit 64: no sign trouble in storage
  return buildCustomerProfile({
    customerId,
    tags,
    attributes: {
      arpu: 88.5,
      city: '北京',
      tenureMonths: 0,
      balance: -12.25,
      birthday: t0 - 9000 * day,
    },
    realtimeTags: [0, t0 + 3_600_000, 3, t0 + 60_000],
    eventCounts: { 'top-up': [20_000, 2, 20_001, 1], 'store-visit': [20_001, 5] },
    contacts: [
      { at: t0 - day, touchpointId: 'sms', caseId: 'case-a', disturbing: true },
      { at: t0, touchpointId: 'store-clerk', caseId: 'case-b', disturbing: false },
    ],
    caseContactTotals: { 'case-a': 3, 'case-b': 1 },
    declinedUntil: { 'case-c': t0 + 7 * day },
    consent: { unsubscribed: false, optedOutMethods: ['sms', 'outbound-call'] },
    utcOffsetMinutes: -300,
  });
}

/**
 * The `ProfileStore` contract every adapter must pass. `create` returns a new, empty store.
 * Pass `options.reopen` for a durable adapter to prove that a profile put is a profile kept.
 */
export function describeProfileStoreContract(
  name: string,
  create: () => ProfileStore | Promise<ProfileStore>,
  options?: ContractOptions<ProfileStore>,
): void {
  describe(`ProfileStore contract: ${name}`, () => {
    const harness = useContractHarness(create, options);

    it('returns undefined for a customer it has never stored', async () => {
      const store = await harness.open();
      expect(store.get('nobody')).toBeUndefined();
      expect(store.count()).toBe(0);
    });

    it('round-trips every profile field', async () => {
      const store = await harness.open();
      store.put(buildFullProfile());
      const got = store.get('customer-full');
      expect(got).toEqual(buildFullProfile());
      expect(got?.tags).toBeInstanceOf(Uint32Array);
      expect(got?.tags.length).toBe(3);
    });

    it('round-trips a bare profile with its optional fields still absent', async () => {
      const store = await harness.open();
      store.put(buildCustomerProfile({ customerId: 'bare', utcOffsetMinutes: 0 }));
      const got = store.get('bare');
      expect(got).toEqual(buildCustomerProfile({ customerId: 'bare', utcOffsetMinutes: 0 }));
      expect(got?.utcOffsetMinutes).toBe(0);
      expect(got?.realtimeTags ?? []).toEqual([]);
      expect(got?.contacts ?? []).toEqual([]);
    });

    it('persists changes made in place to a profile it returned, once put back', async () => {
      const store = await harness.open();
      store.put(buildFullProfile('c1'));
      const profile = store.get('c1') as CustomerProfile;
      mutateEveryField(profile);
      store.put(profile);
      const expected = buildFullProfile('c1');
      mutateEveryField(expected);
      expect(store.get('c1')).toEqual(expected);
    });

    it('replaces a profile put twice and counts distinct customers', async () => {
      const store = await harness.open();
      store.put(buildCustomerProfile({ customerId: 'a', attributes: { arpu: 1 } }));
      store.put(buildCustomerProfile({ customerId: 'b' }));
      store.put(buildCustomerProfile({ customerId: 'a', attributes: { arpu: 2 } }));
      expect(store.count()).toBe(2);
      expect(store.get('a')?.attributes).toEqual({ arpu: 2 });
    });

    harness.itDurable('keeps every acknowledged profile across a reopen', async () => {
      let store = await harness.open();
      store.put(buildFullProfile('c1'));
      store.put(buildCustomerProfile({ customerId: 'c2' }));
      const changed = store.get('c1') as CustomerProfile;
      mutateEveryField(changed);
      store.put(changed);
      store = await harness.reopen(store);
      const expected = buildFullProfile('c1');
      mutateEveryField(expected);
      expect(store.get('c1')).toEqual(expected);
      expect(store.get('c2')).toEqual(buildCustomerProfile({ customerId: 'c2' }));
      expect(store.count()).toBe(2);
    });
  });
}

/** Changes, adds and removes something in every field, as the pipeline does in place. */
function mutateEveryField(profile: CustomerProfile): void {
  profile.tags[1] = 0b100;
  profile.attributes.arpu = 120;
  delete profile.attributes.balance;
  profile.realtimeTags = [7, t0 + 999];
  profile.eventCounts = { 'top-up': [20_001, 2] };
  profile.contacts?.push({
    at: t0 + 1,
    touchpointId: 'app-push',
    caseId: 'case-d',
    disturbing: true,
  });
  profile.caseContactTotals = { ...profile.caseContactTotals, 'case-d': 1 };
  profile.declinedUntil = undefined;
  profile.consent.unsubscribed = true;
  profile.utcOffsetMinutes = 480;
}
