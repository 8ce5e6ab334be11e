import type {
  AttributeDefinition,
  CustomerEventType,
  MarketingCase,
  Tag,
  TagCategory,
  Touchpoint,
} from '@omnitouch/core';
import type { CatalogCollection, CatalogItems } from '@omnitouch/contracts';

const text = (en: string) => ({ 'zh-CN': en, en });

/** One valid item per collection, each referring only to items earlier in this list. */
export const category: TagCategory = { id: 'value', name: text('Value') };
export const tag: Tag = {
  id: '5g-user',
  categoryId: 'value',
  name: text('5G user'),
  kind: 'static',
};
export const attribute: AttributeDefinition = {
  id: 'arpu',
  categoryId: 'value',
  name: text('ARPU'),
  type: 'number',
  unit: 'CNY',
};
export const eventType: CustomerEventType = {
  id: 'top-up',
  name: text('Top-up'),
  category: 'billing',
  properties: { amount: { type: 'number', required: true } },
  counterWindowDays: 30,
};
export const touchpoint: Touchpoint = {
  id: 'sms',
  name: text('SMS'),
  kind: 'outbound',
  audience: 'customer',
  deliveryMethods: ['sms'],
  preferredDeliveryMethod: 'sms',
  isDisturbance: true,
  costPerContact: 0.05,
};
export const marketingCase: MarketingCase = {
  id: 'data-pack',
  version: 1,
  name: text('Data pack'),
  status: 'live',
  targetRule: { and: [{ has_tag: '5g-user' }, { '>': [{ var: 'arpu' }, 50] }] },
  trigger: { eventType: 'top-up', condition: { '>=': [{ var: 'event.amount' }, 50] } },
  touchpoints: [
    {
      touchpointId: 'sms',
      preference: 0,
      template: text('Top up {{amount}} more for 10 GB'),
      delaySeconds: 0,
      validForSeconds: 3600,
      allowOutbound: true,
    },
  ],
  validFrom: 0,
  validUntil: 4_000_000_000_000,
  value: 30,
  priority: 1,
  caps: { perCustomer: { count: 1, periodDays: 7 } },
};

/** The fixtures by collection, in an order where each may be created after the previous ones. */
export const catalogFixtures: { [C in CatalogCollection]: CatalogItems[C] } = {
  'tag-categories': category,
  tags: tag,
  attributes: attribute,
  'event-types': eventType,
  touchpoints: touchpoint,
  cases: marketingCase,
};
