import { describe, expect, it } from 'vitest';
import type { ContactVerdict } from './contact-verdict';
import {
  buildCase,
  buildInput,
  buildPolicy,
  buildProfile,
  buildStrategy,
  buildTouchpoint,
  day,
  fixedNow,
  hour,
  pastContact,
} from './contact-policy.fixtures';
import { evaluateContactPolicy } from './evaluate-contact-policy';

const allowed: ContactVerdict = { kind: 'allowed' };
const transactional = buildCase({ transactional: true });
const inbound = buildTouchpoint({ id: 'store', kind: 'inbound', isDisturbance: false });
/** 15 disturbing contacts, one every 46 hours over the last 29 days, none on today's local date. */
const fifteenInAMonth = Array.from({ length: 15 }, (_, i) => pastContact(24 + 46 * i)).reverse();
/** Local midnight (CST) that starts `fixedNow`'s day. */
const todayStart = fixedNow - 10 * hour;
const lateEvening = fixedNow + 13 * hour; // 23:00 CST
const overnightDefer = buildTouchpoint({
  quietHours: { start: '21:00', end: '08:00', action: 'defer' },
});

describe(evaluateContactPolicy.name, () => {
  it.each([
    ['allows a first SMS in the morning', {}, allowed],
    [
      'suppresses an unsubscribed customer',
      { profile: buildProfile({ consent: { unsubscribed: true } }) },
      { kind: 'suppressed', reason: 'unsubscribed' },
    ],
    [
      'still sends a service notice to an unsubscribed customer',
      { profile: buildProfile({ consent: { unsubscribed: true } }), marketingCase: transactional },
      allowed,
    ],
    [
      "suppresses the strategy's delivery method the customer opted out of",
      {
        profile: buildProfile({ consent: { unsubscribed: false, optedOutMethods: ['flash-sms'] } }),
        strategy: buildStrategy({ deliveryMethod: 'flash-sms' }),
      },
      { kind: 'suppressed', reason: 'opted-out', detail: { method: 'flash-sms' } },
    ],
    [
      "suppresses a service notice by the touchpoint's preferred method the customer opted out of",
      {
        profile: buildProfile({ consent: { unsubscribed: false, optedOutMethods: ['sms'] } }),
        marketingCase: transactional,
      },
      { kind: 'suppressed', reason: 'opted-out', detail: { method: 'sms' } },
    ],
    [
      'allows a delivery method other than the refused one',
      {
        profile: buildProfile({ consent: { unsubscribed: false, optedOutMethods: ['sms'] } }),
        strategy: buildStrategy({ deliveryMethod: 'flash-sms' }),
      },
      allowed,
    ],
    [
      'suppresses a declined case during its cooldown',
      { profile: buildProfile({ declinedUntil: { 'data-pack': fixedNow + 1 } }) },
      { kind: 'suppressed', reason: 'cooldown', detail: { until: fixedNow + 1 } },
    ],
    [
      'offers a declined case again once the cooldown ends',
      { profile: buildProfile({ declinedUntil: { 'data-pack': fixedNow } }) },
      allowed,
    ],
    [
      'suppresses a case that reached its lifetime cap',
      {
        marketingCase: buildCase({ caps: { lifetime: 3 } }),
        profile: buildProfile({ caseContactTotals: { 'data-pack': 3 } }),
      },
      { kind: 'suppressed', reason: 'lifetime-cap', detail: { cap: 3, used: 3 } },
    ],
    [
      "suppresses a second offer inside the case's 7-day cap",
      {
        marketingCase: buildCase({ caps: { perCustomer: { count: 1, periodDays: 7 } } }),
        profile: buildProfile({ contacts: [pastContact(6 * 24)] }),
      },
      { kind: 'suppressed', reason: 'case-cap', detail: { cap: 1, used: 1, periodDays: 7 } },
    ],
    [
      "counts a contact made exactly at the start of the case's window",
      {
        marketingCase: buildCase({ caps: { perCustomer: { count: 1, periodDays: 7 } } }),
        profile: buildProfile({ contacts: [pastContact(7 * 24)] }),
      },
      { kind: 'suppressed', reason: 'case-cap', detail: { cap: 1, used: 1, periodDays: 7 } },
    ],
    [
      'allows the case again after its 7-day window',
      {
        marketingCase: buildCase({ caps: { perCustomer: { count: 1, periodDays: 7 } } }),
        profile: buildProfile({ contacts: [pastContact(7 * 24 + 1)] }),
      },
      allowed,
    ],
    [
      'exempts a service notice from its case cap',
      {
        marketingCase: buildCase({
          transactional: true,
          caps: { perCustomer: { count: 1, periodDays: 7 } },
        }),
        profile: buildProfile({ contacts: [pastContact(1, { disturbing: false })] }),
      },
      allowed,
    ],
    [
      'suppresses an inbound touchpoint when the customer is not in contact',
      { touchpoint: inbound },
      {
        kind: 'suppressed',
        reason: 'not-in-contact',
        detail: { kind: 'inbound', inContact: false },
      },
    ],
    [
      'allows an inbound touchpoint while the customer is in contact',
      { touchpoint: inbound, inContact: true },
      allowed,
    ],
    [
      'suppresses an outbound touchpoint the strategy does not allow',
      { strategy: buildStrategy({ allowOutbound: false }), inContact: true },
      {
        kind: 'suppressed',
        reason: 'not-in-contact',
        detail: { kind: 'outbound', allowOutbound: false },
      },
    ],
    [
      'suppresses a touchpoint that reached its own cap',
      {
        policy: buildPolicy({ perTouchpoint: { sms: { count: 2, periodDays: 3 } } }),
        profile: buildProfile({ contacts: [pastContact(60), pastContact(30)] }),
      },
      { kind: 'suppressed', reason: 'touchpoint-cap', detail: { cap: 2, used: 2, periodDays: 3 } },
    ],
    [
      "does not count service notices towards a touchpoint's cap",
      {
        policy: buildPolicy({ perTouchpoint: { sms: { count: 2, periodDays: 3 } } }),
        profile: buildProfile({
          contacts: [pastContact(60), pastContact(30, { disturbing: false, caseId: 'bill' })],
        }),
      },
      allowed,
    ],
    [
      "exempts a service notice from the touchpoint's cap",
      {
        policy: buildPolicy({ perTouchpoint: { sms: { count: 2, periodDays: 3 } } }),
        profile: buildProfile({ contacts: [pastContact(60), pastContact(30)] }),
        marketingCase: transactional,
      },
      allowed,
    ],
    [
      'counts every contact on an inbound touchpoint towards its cap',
      {
        touchpoint: inbound,
        inContact: true,
        policy: buildPolicy({ perTouchpoint: { store: { count: 1, periodDays: 1 } } }),
        profile: buildProfile({
          contacts: [pastContact(2, { touchpointId: 'store', disturbing: false })],
        }),
      },
      { kind: 'suppressed', reason: 'touchpoint-cap', detail: { cap: 1, used: 1, periodDays: 1 } },
    ],
    [
      'suppresses the 16th disturbance in 30 days',
      { profile: buildProfile({ contacts: fifteenInAMonth }) },
      { kind: 'suppressed', reason: 'global-cap', detail: { cap: 15, used: 15 } },
    ],
    [
      'forgets disturbances older than 30 days',
      {
        profile: buildProfile({
          contacts: [pastContact(30 * 24 + 1), ...fifteenInAMonth.slice(1)],
        }),
      },
      allowed,
    ],
    [
      'does not count non-disturbing contacts towards the global cap',
      {
        profile: buildProfile({
          contacts: fifteenInAMonth.map((c) => ({ ...c, disturbing: false })),
        }),
      },
      allowed,
    ],
    [
      'exempts a service notice from the global cap',
      { profile: buildProfile({ contacts: fifteenInAMonth }), marketingCase: transactional },
      allowed,
    ],
    [
      'never counts an inbound offer as a disturbance',
      {
        profile: buildProfile({ contacts: fifteenInAMonth }),
        touchpoint: inbound,
        inContact: true,
      },
      allowed,
    ],
    [
      'suppresses a third disturbance on the same local day',
      { profile: buildProfile({ contacts: [pastContact(9), pastContact(1)] }) },
      {
        kind: 'suppressed',
        reason: 'daily-cap',
        detail: { cap: 2, used: 2, dayStart: todayStart },
      },
    ],
    [
      "counts yesterday evening's contacts on yesterday's local day",
      {
        profile: buildProfile({
          contacts: [pastContact(11), pastContact(10.5)] /* 23:00, 23:30 */,
        }),
      },
      allowed,
    ],
    [
      'uses the profile offset: 04:00 and 05:00 CST are today',
      {
        profile: buildProfile({
          utcOffsetMinutes: 480,
          contacts: [pastContact(6), pastContact(5)],
        }),
      },
      {
        kind: 'suppressed',
        reason: 'daily-cap',
        detail: { cap: 2, used: 2, dayStart: todayStart },
      },
    ],
    [
      'uses the profile offset: 20:00 and 21:00 UTC were yesterday in London',
      {
        profile: buildProfile({ utcOffsetMinutes: 0, contacts: [pastContact(6), pastContact(5)] }),
      },
      allowed,
    ],
    [
      'drops a disturbance during quiet hours when the touchpoint says drop',
      {
        now: lateEvening,
        touchpoint: buildTouchpoint({
          quietHours: { start: '21:00', end: '08:00', action: 'drop' },
        }),
      },
      {
        kind: 'suppressed',
        reason: 'quiet-hours',
        detail: { start: '21:00', end: '08:00', action: 'drop' },
      },
    ],
    [
      'defers a disturbance to the end of quiet hours',
      { now: lateEvening, touchpoint: overnightDefer },
      { kind: 'deferred', until: lateEvening + 9 * hour },
    ],
    [
      'suppresses a deferral longer than deferMaxHours',
      {
        now: lateEvening,
        touchpoint: buildTouchpoint({
          quietHours: { start: '21:00', end: '08:00', action: 'defer', deferMaxHours: 8 },
        }),
      },
      {
        kind: 'suppressed',
        reason: 'quiet-hours',
        detail: {
          start: '21:00',
          end: '08:00',
          action: 'defer',
          until: lateEvening + 9 * hour,
          deferMaxHours: 8,
        },
      },
    ],
    [
      'defers up to the default 12 hours (21:00 → 08:00 is 11 h)',
      { now: fixedNow + 11 * hour, touchpoint: overnightDefer },
      { kind: 'deferred', until: fixedNow + 22 * hour },
    ],
    [
      'suppresses a deferral longer than the default 12 hours (18:00 → 08:00 is 14 h)',
      {
        now: fixedNow + 8 * hour,
        touchpoint: buildTouchpoint({
          quietHours: { start: '18:00', end: '08:00', action: 'defer' },
        }),
      },
      {
        kind: 'suppressed',
        reason: 'quiet-hours',
        detail: {
          start: '18:00',
          end: '08:00',
          action: 'defer',
          until: fixedNow + 22 * hour,
          deferMaxHours: 12,
        },
      },
    ],
    [
      'suppresses a deferral into a next day that is already at its daily cap',
      {
        now: lateEvening,
        touchpoint: overnightDefer,
        profile: buildProfile({
          contacts: [pastContact(-22), pastContact(-22.5)], // tomorrow 08:00 and 08:30
        }),
      },
      {
        kind: 'suppressed',
        reason: 'daily-cap',
        detail: { cap: 2, used: 2, dayStart: todayStart + day },
      },
    ],
    [
      'sends a service notice during quiet hours',
      { now: lateEvening, touchpoint: overnightDefer, marketingCase: transactional },
      allowed,
    ],
    [
      'ignores quiet hours on a non-disturbing touchpoint',
      {
        now: lateEvening,
        touchpoint: buildTouchpoint({
          isDisturbance: false,
          quietHours: overnightDefer.quietHours,
        }),
      },
      allowed,
    ],
  ] as const)('%s', (_name, overrides, expected) => {
    expect(evaluateContactPolicy(buildInput(overrides))).toEqual(expected);
  });

  it.each([
    [
      'unsubscribed before opted-out',
      { profile: buildProfile({ consent: { unsubscribed: true, optedOutMethods: ['sms'] } }) },
      'unsubscribed',
    ],
    [
      'cooldown before lifetime-cap',
      {
        marketingCase: buildCase({ caps: { lifetime: 0 } }),
        profile: buildProfile({ declinedUntil: { 'data-pack': fixedNow + day } }),
      },
      'cooldown',
    ],
    [
      'case-cap before not-in-contact',
      {
        marketingCase: buildCase({ caps: { perCustomer: { count: 0, periodDays: 1 } } }),
        touchpoint: inbound,
      },
      'case-cap',
    ],
    [
      'not-in-contact before touchpoint-cap',
      {
        strategy: buildStrategy({ allowOutbound: false }),
        policy: buildPolicy({ perTouchpoint: { sms: { count: 0, periodDays: 1 } } }),
      },
      'not-in-contact',
    ],
    [
      'global-cap before daily-cap',
      { policy: buildPolicy({ disturbancesPer30Days: 0, disturbancesPerDay: 0 }) },
      'global-cap',
    ],
    [
      'daily-cap before quiet-hours',
      {
        now: lateEvening,
        touchpoint: overnightDefer,
        policy: buildPolicy({ disturbancesPerDay: 0 }),
      },
      'daily-cap',
    ],
  ] as const)('checks %s', (_name, overrides, reason) => {
    expect(evaluateContactPolicy(buildInput(overrides))).toMatchObject({ reason });
  });

  it('falls back to the policy offset for a profile without one', () => {
    const input = buildInput({
      policy: buildPolicy({ defaultUtcOffsetMinutes: 0 }),
      touchpoint: overnightDefer,
      now: fixedNow + 19.5 * hour, // 21:30 UTC, 05:30 CST
    });
    expect(evaluateContactPolicy(input)).toEqual({ kind: 'deferred', until: fixedNow + 30 * hour });
  });
});
