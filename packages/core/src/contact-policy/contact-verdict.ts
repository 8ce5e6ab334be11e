import type { CustomerProfile } from '../customer-profile/customer-profile';
import type { ReasonCode } from '../decision/reason-code';
import type {
  CaseTouchpointStrategy,
  MarketingCase,
} from '../marketing-case/marketing-case.schema';
import type { Touchpoint } from '../touchpoint/touchpoint.schema';
import type { ContactPolicy } from './contact-policy.schema';

/**
 * One candidate contact: a customer, one of a case's touchpoint strategies and the touchpoint it
 * names. `now` is epoch ms; `inContact` says the customer is interacting with us right now (a store
 * visit, a call, an app session), which an inbound touchpoint requires.
 */
export interface ContactPolicyInput {
  readonly policy: ContactPolicy;
  readonly profile: CustomerProfile;
  readonly touchpoint: Touchpoint;
  readonly strategy: CaseTouchpointStrategy;
  readonly marketingCase: MarketingCase;
  readonly now: number;
  readonly inContact: boolean;
}

/** The facts behind a suppression, e.g. `{ cap: 15, used: 15 }`, for explain traces and the console. */
export type ContactVerdictDetail = Readonly<Record<string, number | string | boolean>>;

/**
 * The contact policy's answer: contact now, contact at `until` (epoch ms, the end of quiet hours),
 * or not at all for a stable `reason`.
 */
export type ContactVerdict =
  | { readonly kind: 'allowed' }
  | { readonly kind: 'deferred'; readonly until: number }
  | {
      readonly kind: 'suppressed';
      readonly reason: ReasonCode;
      readonly detail?: ContactVerdictDetail;
    };

/** The reason codes `evaluateContactPolicy` can return, in the order it checks them. */
export const contactPolicyReasons = [
  'unsubscribed',
  'opted-out',
  'cooldown',
  'lifetime-cap',
  'case-cap',
  'not-in-contact',
  'touchpoint-cap',
  'global-cap',
  'daily-cap',
  'quiet-hours',
] as const satisfies readonly ReasonCode[];

export type ContactPolicyReason = (typeof contactPolicyReasons)[number];

/** The shared "allowed" verdict: frozen so the hot path allocates nothing when a contact passes. */
export const contactAllowed: ContactVerdict = Object.freeze({ kind: 'allowed' });

/** A suppression verdict for `reason` with its numbers. */
export function suppressContact(
  reason: ContactPolicyReason,
  detail?: ContactVerdictDetail,
): ContactVerdict {
  return detail === undefined
    ? { kind: 'suppressed', reason }
    : { kind: 'suppressed', reason, detail };
}
