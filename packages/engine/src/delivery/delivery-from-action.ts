import type { DecisionAction } from '@omnitouch/core';
import type { Delivery } from '../ports/delivery-channel';
import type { ScheduledDelivery } from '../ports/scheduled-delivery-store';

/**
 * The idempotency key of an offer's delivery on a touchpoint. An offer is presented on a touchpoint
 * at most once, so the pair names the contact; it stays the same across retries, a deferral and a
 * restart, which lets a receiver drop the duplicates an at-least-once retry can produce.
 */
export function deliveryIdempotencyKey(offerId: string, touchpointId: string): string {
  return `${offerId}:${touchpointId}`;
}

/** The delivery a pipeline `deliver` or `defer` action asks for (a `defer` once it is due). */
export function deliveryFromAction(
  action: Extract<DecisionAction, { kind: 'deliver' | 'defer' }>,
): Delivery {
  return {
    offerId: action.offer.offerId,
    customerId: action.offer.customerId,
    caseId: action.offer.caseId,
    touchpointId: action.touchpointId,
    deliveryMethod: action.deliveryMethod,
    content: action.content,
    idempotencyKey: deliveryIdempotencyKey(action.offer.offerId, action.touchpointId),
  };
}

/** The delivery of a deferred contact that has come due; same key as the action it came from. */
export function deliveryFromScheduled(scheduled: ScheduledDelivery): Delivery {
  return {
    offerId: scheduled.offerId,
    customerId: scheduled.customerId,
    caseId: scheduled.caseId,
    touchpointId: scheduled.touchpointId,
    deliveryMethod: scheduled.deliveryMethod,
    content: scheduled.content,
    idempotencyKey: deliveryIdempotencyKey(scheduled.offerId, scheduled.touchpointId),
  };
}
