import { describe, expect, it } from 'vitest';
import { recordContact, recordDecline } from './contact-history';
import {
  buildCase,
  buildProfile,
  buildTouchpoint,
  day,
  fixedNow,
  pastContact,
} from './contact-policy.fixtures';
import { isDisturbingContact } from './disturbing-contact';

describe(recordContact.name, () => {
  it('appends the contact and counts it towards the case total', () => {
    const profile = buildProfile();
    recordContact(profile, pastContact(0), 30);
    recordContact(profile, pastContact(0, { caseId: 'bill' }), 30);
    recordContact(profile, pastContact(0), 30);
    expect(profile.contacts?.map((c) => c.caseId)).toEqual(['data-pack', 'bill', 'data-pack']);
    expect(profile.caseContactTotals).toEqual({ 'data-pack': 2, bill: 1 });
  });

  it('prunes contacts older than the retention window but keeps the lifetime total', () => {
    const old = pastContact(31 * 24);
    const edge = pastContact(30 * 24);
    const profile = buildProfile({ contacts: [old, edge], caseContactTotals: { 'data-pack': 2 } });
    recordContact(profile, pastContact(0), 30);
    expect(profile.contacts).toEqual([edge, pastContact(0)]);
    expect(profile.caseContactTotals).toEqual({ 'data-pack': 3 });
  });

  it('keeps the history oldest first when a contact is recorded at an earlier time', () => {
    const profile = buildProfile();
    recordContact(profile, pastContact(-9), 30); // a deferred delivery, tomorrow 07:00
    recordContact(profile, pastContact(2), 30);
    recordContact(profile, pastContact(1), 30);
    expect(profile.contacts?.map((c) => c.at)).toEqual([
      pastContact(2).at,
      pastContact(1).at,
      pastContact(-9).at,
    ]);
  });
});

describe(recordDecline.name, () => {
  it('sets the cooldown of the declined case only', () => {
    const profile = buildProfile({ declinedUntil: { bill: fixedNow } });
    recordDecline(profile, 'data-pack', fixedNow + 7 * day);
    expect(profile.declinedUntil).toEqual({ bill: fixedNow, 'data-pack': fixedNow + 7 * day });
  });
});

describe(isDisturbingContact.name, () => {
  it.each([
    ['outbound disturbance, marketing case', 'outbound', true, false, true],
    ['outbound disturbance, service notice', 'outbound', true, true, false],
    ['outbound, not a disturbance', 'outbound', false, false, false],
    ['inbound, even if flagged a disturbance', 'inbound', true, false, false],
  ] as const)('%s → %s', (_name, kind, isDisturbance, transactional, expected) => {
    const touchpoint = buildTouchpoint({ kind, isDisturbance });
    expect(isDisturbingContact(touchpoint, buildCase({ transactional }))).toBe(expected);
  });
});
