import type { Touchpoint } from '@omnitouch/core';
import { nextFactoryId } from './factory-ids';

/**
 * A valid touchpoint: by default an outbound, disturbing SMS touchpoint without quiet hours.
 * `preferredDeliveryMethod` follows the first of `deliveryMethods` unless overridden.
 */
export function buildTouchpoint(overrides: Partial<Touchpoint> = {}): Touchpoint {
  const id = overrides.id ?? nextFactoryId('touchpoint');
  const deliveryMethods = overrides.deliveryMethods ?? ['sms'];
  return {
    id,
    name: { 'zh-CN': `触点 ${id}`, en: `Touchpoint ${id}` },
    kind: 'outbound',
    audience: 'customer',
    deliveryMethods,
    preferredDeliveryMethod: deliveryMethods[0] ?? 'sms',
    isDisturbance: true,
    costPerContact: 0.05,
    ...overrides,
  };
}
