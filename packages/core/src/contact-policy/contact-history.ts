import type { ContactRecord, CustomerProfile } from '../customer-profile/customer-profile';
import { MS_PER_DAY } from './local-time';
import { newIdRecord } from '../customer-profile/id-record';

/**
 * Appends a contact to the profile's history (kept oldest first, so a contact recorded at a later
 * delivery time stays in order), drops those older than `retentionDays` before `contact.at`, and
 * counts it in `caseContactTotals` for lifetime caps. `retentionDays` must cover the longest cap
 * window (30 days for the global cap), plus the longest deferral when deferred contacts are
 * recorded at their delivery time.
 */
export function recordContact(
  profile: CustomerProfile,
  contact: ContactRecord,
  retentionDays: number,
): void {
  let contacts = profile.contacts;
  if (contacts === undefined) {
    // A literal, not `[]` then a push: a pushed-to array keeps room for 17 contacts.
    contacts = [contact];
    profile.contacts = contacts;
  } else {
    insertInOrder(contacts, contact);
  }
  const cutoff = contact.at - retentionDays * MS_PER_DAY;
  let expired = 0;
  while (expired < contacts.length && (contacts[expired]?.at ?? cutoff) < cutoff) {
    expired += 1;
  }
  if (expired > 0) {
    contacts.copyWithin(0, expired); // not `splice`: no array of the removed contacts
    contacts.length -= expired;
  }
  const totals = (profile.caseContactTotals ??= newIdRecord<number>());
  totals[contact.caseId] = (totals[contact.caseId] ?? 0) + 1;
}

/** Inserts `contact` after every contact not later than it (usually at the end). */
function insertInOrder(contacts: ContactRecord[], contact: ContactRecord): void {
  let index = contacts.length;
  while (index > 0 && (contacts[index - 1]?.at ?? 0) > contact.at) {
    index -= 1;
  }
  if (index === contacts.length) {
    contacts.push(contact); // the usual case, the newest contact: no splice, no removed-items array
  } else {
    contacts.splice(index, 0, contact);
  }
}

/** Records that the customer declined a case: it must not be offered again before `until` (epoch ms). */
export function recordDecline(profile: CustomerProfile, caseId: string, until: number): void {
  (profile.declinedUntil ??= newIdRecord<number>())[caseId] = until;
}

// The counters below are plain loops over a short list because they run for every candidate
// contact; a rolling window counts everything at or after `from`, including contacts recorded at a
// future delivery time, so a deferred contact is never overlooked.

/** Contacts of one case made at or after `from` (epoch ms). */
export function countCaseContacts(
  contacts: readonly ContactRecord[] | undefined,
  caseId: string,
  from: number,
): number {
  if (contacts === undefined) {
    return 0;
  }
  let used = 0;
  for (let i = 0; i < contacts.length; i++) {
    const contact = contacts[i] as ContactRecord;
    if (contact.at >= from && contact.caseId === caseId) {
      used += 1;
    }
  }
  return used;
}

/** Contacts on one touchpoint at or after `from`; with `disturbingOnly`, the disturbing ones only. */
export function countTouchpointContacts(
  contacts: readonly ContactRecord[] | undefined,
  touchpointId: string,
  from: number,
  disturbingOnly: boolean,
): number {
  if (contacts === undefined) {
    return 0;
  }
  let used = 0;
  for (let i = 0; i < contacts.length; i++) {
    const contact = contacts[i] as ContactRecord;
    if (contact.at >= from && contact.touchpointId === touchpointId) {
      used += disturbingOnly && !contact.disturbing ? 0 : 1;
    }
  }
  return used;
}

/** Disturbing contacts with `from <= at < until` (epoch ms). */
export function countDisturbingContacts(
  contacts: readonly ContactRecord[] | undefined,
  from: number,
  until: number,
): number {
  if (contacts === undefined) {
    return 0;
  }
  let used = 0;
  for (let i = 0; i < contacts.length; i++) {
    const contact = contacts[i] as ContactRecord;
    if (contact.disturbing && contact.at >= from && contact.at < until) {
      used += 1;
    }
  }
  return used;
}
