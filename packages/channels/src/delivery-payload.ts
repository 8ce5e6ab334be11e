import type { LocalizedText } from '@omnitouch/core';
import type { Clock, Delivery } from '@omnitouch/engine';

/**
 * What every channel sends for one delivery (webhook body, staff-screen event). `sentAt` is an
 * ISO-8601 UTC date-time: receivers outside our code read it more easily than epoch ms.
 */
export interface DeliveryPayload {
  readonly offerId: string;
  readonly customerId: string;
  readonly caseId: string;
  readonly touchpointId: string;
  readonly deliveryMethod: string;
  readonly content: LocalizedText;
  readonly idempotencyKey: string;
  readonly sentAt: string;
}

/** The payload of `delivery` sent at `sentAt` (epoch ms); fields in a fixed order for stable bodies. */
export function toDeliveryPayload(delivery: Delivery, sentAt: number): DeliveryPayload {
  return {
    offerId: delivery.offerId,
    customerId: delivery.customerId,
    caseId: delivery.caseId,
    touchpointId: delivery.touchpointId,
    deliveryMethod: delivery.deliveryMethod,
    content: delivery.content,
    idempotencyKey: delivery.idempotencyKey,
    sentAt: new Date(sentAt).toISOString(),
  };
}

/** The wall clock, for the server's composition root; tests pass their own `Clock`. */
export const systemClock: Clock = { now: () => Date.now() };
