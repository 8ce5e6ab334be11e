import type { OfferInstance } from '@omnitouch/core';

/** When factory offers are created (2026-11-25 02:00 UTC); they expire an hour later. */
export const offerCreatedAt = Date.UTC(2026, 10, 25, 2, 0, 0);

/** An open offer of `case-1` for `customer-1`, presentable at the store clerk or by SMS. */
export function buildOfferInstance(overrides: Partial<OfferInstance> = {}): OfferInstance {
  return {
    offerId: 'offer-1',
    customerId: 'customer-1',
    caseId: 'case-1',
    caseVersion: 2,
    eventId: 'event-1',
    createdAt: offerCreatedAt,
    expiresAt: offerCreatedAt + 3_600_000,
    touchpointIds: ['store-clerk', 'sms'],
    score: 1.25,
    content: { 'zh-CN': '送您 5GB 流量', en: '5 GB of data for you' },
    state: 'open',
    ...overrides,
  };
}
