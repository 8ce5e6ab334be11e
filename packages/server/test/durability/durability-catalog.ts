import {
  defaultContactPolicy,
  type CatalogSnapshot,
  type MarketingCase,
  type Touchpoint,
} from '@omnitouch/core';

const text = (en: string) => ({ 'zh-CN': en, en });

/** HH:MM in China (UTC+8, the contact policy's default offset) `minutes` from `now`. */
function chinaTime(now: number, minutes: number): string {
  const local = new Date(now + (8 * 60 + minutes) * 60_000);
  return `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
}

function outbound(id: string, extra: Partial<Touchpoint> = {}): Touchpoint {
  return {
    id,
    name: text(id),
    kind: 'outbound',
    audience: 'customer',
    deliveryMethods: [id],
    preferredDeliveryMethod: id,
    isDisturbance: true,
    costPerContact: 0.01,
    ...extra,
  };
}

function topUpCase(id: string, touchpointId: string): MarketingCase {
  return {
    id,
    version: 1,
    name: text(id),
    status: 'live',
    targetRule: { '==': [1, 1] },
    trigger: { eventType: 'top-up' },
    touchpoints: [
      {
        touchpointId,
        preference: 0,
        template: text('Thanks for topping up {{amount}}'),
        delaySeconds: 0,
        validForSeconds: 86_400,
        allowOutbound: true,
      },
    ],
    validFrom: 0,
    validUntil: 4_000_000_000_000,
    value: 10,
    priority: 1,
    caps: { perCustomer: { count: 1, periodDays: 7 } },
  };
}

/**
 * Top-ups trigger two cases: one on `sms`, whose quiet hours cover the current time (so its
 * contacts are deferred, i.e. scheduled), one on `push` (delivered at once through the log channel).
 */
export function buildDurabilityCatalog(now: number): CatalogSnapshot {
  return {
    tagCatalog: { categories: [], tags: [], attributes: [] },
    eventTypes: [
      {
        id: 'top-up',
        name: text('Top-up'),
        category: 'billing',
        properties: { amount: { type: 'number', required: true } },
        counterWindowDays: 30,
      },
    ],
    touchpoints: [
      outbound('sms', {
        quietHours: {
          start: chinaTime(now, -60),
          end: chinaTime(now, 180),
          action: 'defer',
          deferMaxHours: 12,
        },
      }),
      outbound('push'),
    ],
    cases: [topUpCase('night-sms', 'sms'), topUpCase('instant-push', 'push')],
    contactPolicy: { ...defaultContactPolicy, disturbancesPerDay: 10 },
  };
}
