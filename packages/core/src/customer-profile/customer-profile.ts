/** A contact made with a customer, kept as long as the longest cap window needs it. `at` is epoch ms. */
export interface ContactRecord {
  readonly at: number;
  readonly touchpointId: string;
  readonly caseId: string;
  /** Counts towards the disturbance caps (an outbound, non-transactional contact). */
  readonly disturbing: boolean;
}

/** Channel consent. `optedOutMethods` lists delivery methods (e.g. `sms`) the customer refused. */
export interface Consent {
  unsubscribed: boolean;
  optedOutMethods?: string[];
}

/** A typed attribute value: numbers (and dates as epoch ms) or strings (and enum members). */
export type AttributeValue = number | string;

/**
 * The 360° view of one customer the decision core works on. Memory matters (tens of millions of
 * customers), so empty collections are left `undefined` rather than allocated, tags are a bitset
 * over the tag catalog's bit indexes, and real-time tags and counters are flat number arrays.
 */
export interface CustomerProfile {
  readonly customerId: string;
  /** Bit `i` set ⇔ the static tag with bit index `i` (see `TagIndex`) applies. */
  tags: Uint32Array;
  attributes: Record<string, AttributeValue>;
  /** Flat pairs `[bit, expiresAtMs, bit, expiresAtMs, ...]`; a pair whose expiry has passed is ignored. */
  realtimeTags?: number[];
  /** Per counted event type: flat pairs `[dayNumber, count, ...]`, oldest first; day = floor(ms / 86 400 000). */
  eventCounts?: Record<string, number[]>;
  /** Recent contacts, oldest first. */
  contacts?: ContactRecord[];
  /** Contacts ever made per case, for lifetime caps. */
  caseContactTotals?: Record<string, number>;
  /** Case id → epoch ms until which a declined case must not be offered again. */
  declinedUntil?: Record<string, number>;
  consent: Consent;
  /** Minutes east of UTC for quiet hours; the contact policy's default when absent. */
  utcOffsetMinutes?: number;
}
