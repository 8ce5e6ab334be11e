import type { LocalizedText } from '@omnitouch/core';

/** One contact to carry to a touchpoint (a customer's phone, a clerk's screen, a webhook). */
export interface Delivery {
  readonly offerId: string;
  readonly customerId: string;
  readonly caseId: string;
  readonly touchpointId: string;
  readonly deliveryMethod: string;
  readonly content: LocalizedText;
  /** Stable across retries so the receiver can de-duplicate. */
  readonly idempotencyKey: string;
}

/**
 * The result of one attempt. `rejected` is the destination's failure (recorded, retried if
 * `retryable`); a thrown error is our bug and is logged as such.
 */
export type DeliveryResult =
  | { readonly kind: 'delivered'; readonly at: number }
  | { readonly kind: 'rejected'; readonly retryable: boolean; readonly reason: string };

/** A delivery channel adapter (SMS gateway, app push, agent desk, webhook). Only the server picks them. */
export interface DeliveryChannel {
  readonly id: string;
  deliver(delivery: Delivery): Promise<DeliveryResult>;
}
