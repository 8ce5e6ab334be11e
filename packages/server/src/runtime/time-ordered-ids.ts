import { randomUUID } from 'node:crypto';

/**
 * Offer ids as UUIDv7 (RFC 9562): the first 48 bits are the creation time in epoch ms, the other
 * 74 random. Ids made close in time sort close together, so each group's new offers (and their
 * deliveries, keyed by the offer id) land in the last pages of the `offers` primary-key index instead
 * of one random page each: a commit writes a few pages, not one per offer. Still unique and still
 * unguessable (as many random bits as a version-4 id, less six).
 */
export function createTimeOrderedIds(now: () => number): () => string {
  // The time part is formatted once per millisecond: a group commit opens hundreds of offers in one.
  let lastMs = -1;
  let timePart = '';
  return () => {
    const ms = Math.max(0, Math.floor(now()));
    if (ms !== lastMs) {
      const time = ms.toString(16).padStart(12, '0').slice(-12);
      timePart = `${time.slice(0, 8)}-${time.slice(8, 12)}-7`;
      lastMs = ms;
    }
    return timePart + randomUUID().slice(15); // xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx
  };
}
