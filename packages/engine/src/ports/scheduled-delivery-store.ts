import type { LocalizedText } from '@omnitouch/core';

/** A contact deferred by quiet hours or a strategy delay. Times are epoch ms. */
export interface ScheduledDelivery {
  readonly offerId: string;
  readonly customerId: string;
  readonly caseId: string;
  readonly touchpointId: string;
  readonly deliveryMethod: string;
  readonly content: LocalizedText;
  readonly deliverAt: number;
  readonly expiresAt: number;
}

/** Deferred deliveries, kept until they are due; `takeDue` removes what it returns, so each is sent once. */
export interface ScheduledDeliveryStore {
  schedule(delivery: ScheduledDelivery): void;
  takeDue(now: number, limit: number): ScheduledDelivery[];
  size(): number;
}
