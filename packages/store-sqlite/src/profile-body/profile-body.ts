import {
  newIdRecord,
  type AttributeValue,
  type ContactRecord,
  type CustomerProfile,
  type StoredProfileParts,
} from '@omnitouch/core';
import type { ByteReader } from './byte-reader';
import type { ByteWriter } from './byte-writer';

/** The first byte of a binary body; a new layout gets a new number and a reader for the old one. */
export const profileBodyFormat = 1;

/** One bit per optional part present in a body, in the order the parts follow the attributes. */
const part = {
  realtimeTags: 1,
  eventCounts: 2,
  contacts: 4,
  caseContactTotals: 8,
  declinedUntil: 16,
  utcOffsetMinutes: 32,
  optedOutMethods: 64,
  unsubscribed: 128,
} as const;

/**
 * Where each field of `CustomerProfile` is kept. Typed as a complete record, so a field added to
 * the core's profile fails to compile here until this codec stores it (a silently dropped field
 * would be lost at the next write).
 */
export const storedProfileFields: Record<
  keyof CustomerProfile,
  'row key' | 'tags column' | 'body'
> = {
  customerId: 'row key',
  tags: 'tags column',
  attributes: 'body',
  realtimeTags: 'body',
  eventCounts: 'body',
  contacts: 'body',
  caseContactTotals: 'body',
  declinedUntil: 'body',
  consent: 'body',
  utcOffsetMinutes: 'body',
};

/** Attribute value kinds; anything but a number or a string (not an `AttributeValue`) as JSON. */
const numberValue = 0;
const stringValue = 1;
const jsonValue = 2;

/**
 * Writes every body field of `profile` (all but the id and the tag bitset): the format byte, a
 * byte of present parts, the attributes, then each present part.
 */
export function writeProfileBody(out: ByteWriter, profile: CustomerProfile): void {
  const { realtimeTags, eventCounts, contacts, caseContactTotals, declinedUntil } = profile;
  const { optedOutMethods, unsubscribed } = profile.consent;
  out.byte(profileBodyFormat);
  out.byte(
    (realtimeTags ? part.realtimeTags : 0) |
      (eventCounts ? part.eventCounts : 0) |
      (contacts ? part.contacts : 0) |
      (caseContactTotals ? part.caseContactTotals : 0) |
      (declinedUntil ? part.declinedUntil : 0) |
      (profile.utcOffsetMinutes !== undefined ? part.utcOffsetMinutes : 0) |
      (optedOutMethods ? part.optedOutMethods : 0) |
      (unsubscribed ? part.unsubscribed : 0),
  );
  writeAttributes(out, profile.attributes);
  if (realtimeTags) {
    writeNumbers(out, realtimeTags);
  }
  if (eventCounts) {
    writeRecord(out, eventCounts, writeNumbers);
  }
  if (contacts) {
    writeContacts(out, contacts);
  }
  if (caseContactTotals) {
    writeRecord(out, caseContactTotals, writeNumber);
  }
  if (declinedUntil) {
    writeRecord(out, declinedUntil, writeNumber);
  }
  if (profile.utcOffsetMinutes !== undefined) {
    out.number(profile.utcOffsetMinutes);
  }
  if (optedOutMethods) {
    out.count(optedOutMethods.length);
    for (const method of optedOutMethods) {
      out.string(method);
    }
  }
}

/** The inverse of `writeProfileBody`, the reader just past the format byte. */
export function readProfileBody(input: ByteReader): StoredProfileParts {
  // Plain tests, no local closures: this runs for every profile read from the database.
  const parts = input.byte();
  const attributes = readAttributes(input);
  const realtimeTags = (parts & part.realtimeTags) !== 0 ? readNumbers(input) : undefined;
  const eventCounts = (parts & part.eventCounts) !== 0 ? readRecord(input, readNumbers) : undefined;
  const contacts = (parts & part.contacts) !== 0 ? readContacts(input) : undefined;
  const caseContactTotals =
    (parts & part.caseContactTotals) !== 0 ? readRecord(input, readNumber) : undefined;
  const declinedUntil =
    (parts & part.declinedUntil) !== 0 ? readRecord(input, readNumber) : undefined;
  const utcOffsetMinutes = (parts & part.utcOffsetMinutes) !== 0 ? input.number() : undefined;
  const optedOutMethods = (parts & part.optedOutMethods) !== 0 ? readStrings(input) : undefined;
  return {
    attributes,
    realtimeTags,
    eventCounts,
    contacts,
    caseContactTotals,
    declinedUntil,
    consent: { unsubscribed: (parts & part.unsubscribed) !== 0, optedOutMethods },
    utcOffsetMinutes,
  };
}

function writeAttributes(out: ByteWriter, attributes: Record<string, AttributeValue>): void {
  const ids = Object.keys(attributes);
  out.count(ids.length);
  for (const id of ids) {
    const value = attributes[id];
    out.string(id);
    if (typeof value === 'number') {
      out.byte(numberValue);
      out.number(value);
    } else if (typeof value === 'string') {
      out.byte(stringValue);
      out.string(value);
    } else {
      out.byte(jsonValue);
      out.string(JSON.stringify(value));
    }
  }
}

function readAttributes(input: ByteReader): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  for (let left = input.count(); left > 0; left--) {
    const id = input.string();
    const kind = input.byte();
    const value =
      kind === numberValue
        ? input.number()
        : kind === stringValue
          ? input.string()
          : (JSON.parse(input.string()) as AttributeValue);
    if (id === '__proto__') {
      // An own field, as JSON.parse makes it: plain assignment would set the prototype.
      Object.defineProperty(attributes, id, { value, writable: true, enumerable: true });
    } else {
      attributes[id] = value;
    }
  }
  return attributes;
}

function writeNumber(out: ByteWriter, value: number): void {
  out.number(value);
}

function readNumber(input: ByteReader): number {
  return input.number();
}

function writeNumbers(out: ByteWriter, values: readonly number[]): void {
  out.count(values.length);
  for (const value of values) {
    out.number(value);
  }
}

function readNumbers(input: ByteReader): number[] {
  const values = new Array<number>(input.count());
  for (let index = 0; index < values.length; index++) {
    values[index] = input.number();
  }
  return values;
}

/** A record keyed by ids (event types, case ids): its size, then each id and its value. */
function writeRecord<T>(
  out: ByteWriter,
  record: Record<string, T>,
  writeValue: (out: ByteWriter, value: T) => void,
): void {
  const ids = Object.keys(record);
  out.count(ids.length);
  for (const id of ids) {
    out.string(id);
    writeValue(out, record[id] as T);
  }
}

function readRecord<T>(input: ByteReader, readValue: (input: ByteReader) => T): Record<string, T> {
  // Built as the core's id record, so `restoreCustomerProfile` keeps it instead of copying it.
  const record = newIdRecord<T>();
  for (let left = input.count(); left > 0; left--) {
    const id = input.string();
    record[id] = readValue(input);
  }
  return record;
}

function writeContacts(out: ByteWriter, contacts: readonly ContactRecord[]): void {
  out.count(contacts.length);
  for (const contact of contacts) {
    out.number(contact.at);
    out.string(contact.touchpointId);
    out.string(contact.caseId);
    out.byte(contact.disturbing ? 1 : 0);
  }
}

function readContacts(input: ByteReader): ContactRecord[] {
  const contacts = new Array<ContactRecord>(input.count());
  for (let index = 0; index < contacts.length; index++) {
    contacts[index] = {
      at: input.number(),
      touchpointId: input.string(),
      caseId: input.string(),
      disturbing: input.byte() === 1,
    };
  }
  return contacts;
}

function readStrings(input: ByteReader): string[] {
  const strings = new Array<string>(input.count());
  for (let index = 0; index < strings.length; index++) {
    strings[index] = input.string();
  }
  return strings;
}
