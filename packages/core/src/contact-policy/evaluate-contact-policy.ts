import {
  countCaseContacts,
  countDisturbingContacts,
  countTouchpointContacts,
} from './contact-history';
import {
  contactAllowed,
  suppressContact,
  type ContactPolicyInput,
  type ContactVerdict,
} from './contact-verdict';
import { isDisturbingContact } from './disturbing-contact';
import { MS_PER_DAY, MS_PER_HOUR, localDayStart } from './local-time';
import { nextAllowedContactTime } from './quiet-hours';

/** Rolling window of the operator-wide disturbance cap. */
const GLOBAL_CAP_DAYS = 30;
/** How long a contact may wait for quiet hours to end when the touchpoint sets no limit. */
export const DEFAULT_DEFER_MAX_HOURS = 12;

/**
 * The refusals that carry no numbers are one frozen verdict each: an inbound
 * touchpoint refuses most candidates of most events, and allocating it each time showed in GC.
 */
const unsubscribed: ContactVerdict = Object.freeze({ kind: 'suppressed', reason: 'unsubscribed' });
const notInContactInbound: ContactVerdict = Object.freeze({
  kind: 'suppressed',
  reason: 'not-in-contact',
  detail: Object.freeze({ kind: 'inbound', inContact: false }),
});
const notInContactOutbound: ContactVerdict = Object.freeze({
  kind: 'suppressed',
  reason: 'not-in-contact',
  detail: Object.freeze({ kind: 'outbound', allowOutbound: false }),
});

function checkConsent({ profile, strategy, touchpoint, marketingCase }: ContactPolicyInput) {
  // An unsubscribed customer still gets service notices (bills, quota alerts) ...
  if (profile.consent.unsubscribed && marketingCase.transactional !== true) {
    return unsubscribed;
  }
  // ... but never by a delivery method they refused, whatever the case.
  const method = strategy.deliveryMethod ?? touchpoint.preferredDeliveryMethod;
  if (profile.consent.optedOutMethods?.includes(method) === true) {
    return suppressContact('opted-out', { method });
  }
  return undefined;
}

function checkCaseLimits({ profile, marketingCase, now }: ContactPolicyInput) {
  const declinedUntil = profile.declinedUntil?.[marketingCase.id];
  if (declinedUntil !== undefined && declinedUntil > now) {
    return suppressContact('cooldown', { until: declinedUntil });
  }
  const lifetime = marketingCase.caps.lifetime;
  if (lifetime !== undefined) {
    const total = profile.caseContactTotals?.[marketingCase.id] ?? 0;
    if (total >= lifetime) {
      return suppressContact('lifetime-cap', { cap: lifetime, used: total });
    }
  }
  const cap = marketingCase.caps.perCustomer;
  if (cap !== undefined && marketingCase.transactional !== true) {
    const from = now - cap.periodDays * MS_PER_DAY;
    const used = countCaseContacts(profile.contacts, marketingCase.id, from);
    if (used >= cap.count) {
      return suppressContact('case-cap', { cap: cap.count, used, periodDays: cap.periodDays });
    }
  }
  return undefined;
}

function checkContactMode({ touchpoint, strategy, inContact }: ContactPolicyInput) {
  if (touchpoint.kind === 'inbound' && !inContact) {
    return notInContactInbound;
  }
  if (touchpoint.kind === 'outbound' && !strategy.allowOutbound) {
    return notInContactOutbound;
  }
  return undefined;
}

function checkTouchpointCap(input: ContactPolicyInput) {
  const { policy, profile, touchpoint, marketingCase, now } = input;
  const cap = policy.perTouchpoint[touchpoint.id];
  if (cap === undefined || marketingCase.transactional === true) {
    return undefined;
  }
  // Records carry no "transactional" flag; on a disturbing touchpoint the non-disturbing records
  // are exactly the exempt service notices, so only the disturbing ones count there.
  const disturbingOnly = touchpoint.isDisturbance && touchpoint.kind === 'outbound';
  const from = now - cap.periodDays * MS_PER_DAY;
  const used = countTouchpointContacts(profile.contacts, touchpoint.id, from, disturbingOnly);
  if (used >= cap.count) {
    return suppressContact('touchpoint-cap', { cap: cap.count, used, periodDays: cap.periodDays });
  }
  return undefined;
}

/** The rolling 30-day and daily disturbance caps (for a disturbing contact only). */
function checkDisturbanceCaps(input: ContactPolicyInput, utcOffsetMinutes: number) {
  const { policy, profile, now } = input;
  const from = now - GLOBAL_CAP_DAYS * MS_PER_DAY;
  const used = countDisturbingContacts(profile.contacts, from, Infinity);
  if (used >= policy.disturbancesPer30Days) {
    return suppressContact('global-cap', { cap: policy.disturbancesPer30Days, used });
  }
  return checkDailyCap(input, utcOffsetMinutes, now);
}

/** The daily cap for the customer's local calendar day containing `at`. */
function checkDailyCap(
  { policy, profile }: ContactPolicyInput,
  utcOffsetMinutes: number,
  at: number,
) {
  const dayStart = localDayStart(at, utcOffsetMinutes);
  const used = countDisturbingContacts(profile.contacts, dayStart, dayStart + MS_PER_DAY);
  if (used >= policy.disturbancesPerDay) {
    return suppressContact('daily-cap', { cap: policy.disturbancesPerDay, used, dayStart });
  }
  return undefined;
}

/** Quiet hours of the touchpoint (for a disturbing contact only): allowed, deferred or dropped. */
function checkQuietHours(input: ContactPolicyInput, utcOffsetMinutes: number): ContactVerdict {
  const { touchpoint, now } = input;
  const quietHours = touchpoint.quietHours;
  if (quietHours === undefined) {
    return contactAllowed;
  }
  const until = nextAllowedContactTime({ quietHours, utcOffsetMinutes, now });
  if (until === now) {
    return contactAllowed;
  }
  const { start, end, action } = quietHours;
  if (action === 'drop') {
    return suppressContact('quiet-hours', { start, end, action });
  }
  const deferMaxHours = quietHours.deferMaxHours ?? DEFAULT_DEFER_MAX_HOURS;
  if (until > now + deferMaxHours * MS_PER_HOUR) {
    return suppressContact('quiet-hours', { start, end, action, until, deferMaxHours });
  }
  // Deferred past local midnight, the contact lands on the next day and must fit that day's cap;
  // the rolling caps need no second look: their window at `until` lies inside the one at `now`.
  return checkDailyCap(input, utcOffsetMinutes, until) ?? { kind: 'deferred', until };
}

/**
 * Decides whether the customer may be contacted for this case on this touchpoint at `now`. Checks
 * in a fixed order (consent, case limits, contact mode, touchpoint/global/daily caps, quiet hours)
 * and returns the first failure with its reason code and numbers. Pure: reads the profile only.
 */
export function evaluateContactPolicy(input: ContactPolicyInput): ContactVerdict {
  // The checks in order, called directly rather than looped over a list of functions, so each
  // call site stays monomorphic and inlinable, and no facts object is allocated per evaluation.
  const verdict =
    checkConsent(input) ??
    checkCaseLimits(input) ??
    checkContactMode(input) ??
    checkTouchpointCap(input);
  if (verdict !== undefined) {
    return verdict;
  }
  // Only a disturbing contact is subject to the disturbance caps and to quiet hours.
  if (!isDisturbingContact(input.touchpoint, input.marketingCase)) {
    return contactAllowed;
  }
  const utcOffsetMinutes = input.profile.utcOffsetMinutes ?? input.policy.defaultUtcOffsetMinutes;
  return checkDisturbanceCaps(input, utcOffsetMinutes) ?? checkQuietHours(input, utcOffsetMinutes);
}
