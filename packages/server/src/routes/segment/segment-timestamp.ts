/**
 * When a Segment message happened, as Segment computes `timestamp`: the client's `timestamp`
 * (or `originalTimestamp`) corrected for the client's clock skew when `sentAt` is known —
 * `receivedAt − (sentAt − timestamp)` — the client's value as is without `sentAt`, and `receivedAt`
 * when the client gave none. Returns `undefined` for a value that is not a date.
 */
export function resolveSegmentTimestamp(
  timestamp: string | undefined,
  sentAt: string | undefined,
  receivedAt: number,
): number | undefined {
  if (timestamp === undefined) {
    return receivedAt;
  }
  const happened = parseIsoDate(timestamp);
  if (happened === undefined) {
    return undefined;
  }
  if (sentAt === undefined) {
    return happened;
  }
  const sent = parseIsoDate(sentAt);
  return sent === undefined ? undefined : receivedAt - (sent - happened);
}

/** Epoch ms of an ISO-8601 date(-time), or undefined; bare numbers are refused (ambiguous units). */
export function parseIsoDate(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) {
    return undefined;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
