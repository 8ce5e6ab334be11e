import type { CaseTouchpointStrategy, MarketingCase } from '@omnitouch/core';
import { nextFactoryId } from './factory-ids';

/** The far end of a factory-built case's validity: 2100-01-01 UTC. */
export const farFuture = Date.UTC(2100, 0, 1);

/** A valid strategy: offer on `touchpointId` (default `sms`) at once, valid for a day, outbound allowed. */
export function buildCaseTouchpointStrategy(
  overrides: Partial<CaseTouchpointStrategy> = {},
): CaseTouchpointStrategy {
  return {
    touchpointId: 'sms',
    preference: 0,
    template: { 'zh-CN': '您好，送您一份流量包', en: 'Hello, a data bonus for you' },
    delaySeconds: 0,
    validForSeconds: 86_400,
    allowOutbound: true,
    ...overrides,
  };
}

/**
 * A valid, live marketing case that targets everyone (`targetRule: true`), is triggered by any
 * `top-up` event and is offered by SMS; valid from epoch 0 to `farFuture`, without caps.
 */
export function buildMarketingCase(overrides: Partial<MarketingCase> = {}): MarketingCase {
  const id = overrides.id ?? nextFactoryId('case');
  return {
    id,
    version: 1,
    name: { 'zh-CN': `营销案 ${id}`, en: `Case ${id}` },
    status: 'live',
    targetRule: true,
    trigger: { eventType: 'top-up' },
    touchpoints: [buildCaseTouchpointStrategy()],
    validFrom: 0,
    validUntil: farFuture,
    value: 10,
    priority: 1,
    caps: {},
    ...overrides,
  };
}
