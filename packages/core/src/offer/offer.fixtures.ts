// Test-only builder shared by the offer tests (core cannot import testkit's factories).
import type { OfferInstance } from './offer-instance';

/** 2026-11-25 10:00 CST. */
export const createdAt = Date.UTC(2026, 10, 25, 2, 0);
export const expiresAt = createdAt + 86_400_000;

export function buildOffer(overrides: Partial<OfferInstance> = {}): OfferInstance {
  return {
    offerId: 'offer-1',
    customerId: 'c-1',
    caseId: 'data-pack',
    caseVersion: 1,
    eventId: 'evt-1',
    createdAt,
    expiresAt,
    touchpointIds: ['app', 'sms', 'store'],
    score: 1.5,
    content: { 'zh-CN': '流量包', en: 'Data pack' },
    state: 'open',
    ...overrides,
  };
}
