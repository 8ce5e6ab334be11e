import type { LocalizedText } from '../i18n/localized-text';
import type { OfferInstance } from '../offer/offer-instance';
import type { ReasonCode } from './reason-code';

/** One line of an explain trace: a case (and, where it got that far, a touchpoint) and why. */
export interface TraceEntry {
  readonly caseId: string;
  readonly touchpointId?: string;
  readonly reason: ReasonCode;
  /** Extra facts for the reader, e.g. `{ cap: 15, used: 15 }` or the arbitration score. */
  readonly detail?: Readonly<Record<string, number | string | boolean>>;
}

/** What the pipeline asks the delivery side to do with an offer. Times are epoch ms. */
export type DecisionAction =
  | {
      readonly kind: 'deliver';
      readonly offer: OfferInstance;
      readonly touchpointId: string;
      readonly deliveryMethod: string;
      readonly content: LocalizedText;
      readonly at: number;
    }
  | {
      readonly kind: 'defer';
      readonly offer: OfferInstance;
      readonly touchpointId: string;
      readonly deliveryMethod: string;
      readonly content: LocalizedText;
      readonly deliverAt: number;
      readonly expiresAt: number;
    }
  | {
      /** Kept open for the customer's next inbound contact (a store visit, a hotline call). */
      readonly kind: 'hold';
      readonly offer: OfferInstance;
    };

/** The result of one ingest or decide call; `trace` is present when explain was asked for. */
export interface Decision {
  readonly customerId: string;
  readonly actions: readonly DecisionAction[];
  readonly trace?: readonly TraceEntry[];
}
