import type { TagIndex } from '../tag-catalog/tag-index';
import type { AttributeValue, ContactRecord, Consent, CustomerProfile } from './customer-profile';
import { newIdRecord } from './id-record';
import { allocateTagWords, copyTagWords } from './tag-slab';

/**
 * A new profile with no tags, attributes, counters or contacts, consenting to contact. Its `tags`
 * bitset has `tagIndex.words` words carved from a shared 64 KiB slab; every optional collection is
 * `undefined` until first written (about 0.4 KiB per profile at 1,200 tags).
 */
export function createCustomerProfile(customerId: string, tagIndex: TagIndex): CustomerProfile {
  return shapedProfile(customerId, allocateTagWords(tagIndex.words), {}, { unsubscribed: false });
}

/** The parts of a stored profile a store reads back, every optional collection possibly absent. */
export type StoredProfileParts = Omit<CustomerProfile, 'customerId' | 'tags'>;

/**
 * A profile rebuilt from what a store kept (e.g. a decoded document), in the same shape as
 * `createCustomerProfile`'s: stores should build profiles with this, never as literals or spreads.
 * It takes `parts`' collections over; per-id records already made with `newIdRecord` are kept as
 * they are, plain objects are copied into id records.
 */
export function restoreCustomerProfile(
  customerId: string,
  tags: Uint32Array,
  parts: StoredProfileParts,
): CustomerProfile {
  const profile = shapedProfile(customerId, tags, parts.attributes, {
    unsubscribed: parts.consent.unsubscribed,
    optedOutMethods: parts.consent.optedOutMethods,
  });
  profile.realtimeTags = parts.realtimeTags;
  profile.eventCounts = idRecordOf(parts.eventCounts);
  profile.contacts = parts.contacts;
  profile.caseContactTotals = idRecordOf(parts.caseContactTotals);
  profile.declinedUntil = idRecordOf(parts.declinedUntil);
  profile.utcOffsetMinutes = parts.utcOffsetMinutes;
  return profile;
}

/**
 * A deep copy sharing nothing mutable with `profile`; its `tags` is a fresh slab view. Use this
 * rather than `structuredClone`, which would copy the whole slab behind `tags`.
 */
export function cloneCustomerProfile(profile: CustomerProfile): CustomerProfile {
  const counts = profile.eventCounts;
  return restoreCustomerProfile(profile.customerId, copyTagWords(profile.tags), {
    attributes: { ...profile.attributes },
    realtimeTags: profile.realtimeTags && [...profile.realtimeTags],
    eventCounts:
      counts &&
      Object.fromEntries(Object.entries(counts).map(([type, pairs]) => [type, [...pairs]])),
    contacts: profile.contacts?.map((contact) => ({ ...contact })),
    // Spread into plain objects, which `restoreCustomerProfile` copies into id records of the copy.
    caseContactTotals: profile.caseContactTotals && { ...profile.caseContactTotals },
    declinedUntil: profile.declinedUntil && { ...profile.declinedUntil },
    consent: {
      unsubscribed: profile.consent.unsubscribed,
      optedOutMethods: profile.consent.optedOutMethods && [...profile.consent.optedOutMethods],
    },
    utcOffsetMinutes: profile.utcOffsetMinutes,
  });
}

/**
 * Every profile gets every field, in this order, even when `undefined`. The pipeline reads profile
 * fields in every hot function; profiles whose optional fields were added in different orders
 * would each get their own V8 hidden class and make all those reads megamorphic (measured: the
 * generated target rules ran several times slower over such profiles). The cost is one word per
 * absent field.
 */
function shapedProfile(
  customerId: string,
  tags: Uint32Array,
  attributes: Record<string, AttributeValue>,
  consent: Consent,
): CustomerProfile {
  return {
    customerId,
    tags,
    attributes,
    realtimeTags: undefined as number[] | undefined,
    eventCounts: undefined as Record<string, number[]> | undefined,
    contacts: undefined as ContactRecord[] | undefined,
    caseContactTotals: undefined as Record<string, number> | undefined,
    declinedUntil: undefined as Record<string, number> | undefined,
    consent: { unsubscribed: consent.unsubscribed, optedOutMethods: consent.optedOutMethods },
    utcOffsetMinutes: undefined as number | undefined,
  };
}

/**
 * `source` as an id record: kept when it already is one (a store decoding a profile builds them so,
 * and hands them over), otherwise its entries copied into a new one; `undefined` for none.
 */
function idRecordOf<T>(
  source: Readonly<Record<string, T>> | undefined,
): Record<string, T> | undefined {
  if (source === undefined || Object.getPrototypeOf(source) === null) {
    return source;
  }
  const record = newIdRecord<T>();
  for (const key of Object.keys(source)) {
    record[key] = source[key] as T;
  }
  return record;
}
