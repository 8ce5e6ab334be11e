import {
  defaultContactPolicy,
  type CatalogSnapshot,
  type CustomerEventType,
  type TagCatalog,
  type Touchpoint,
} from '@omnitouch/core';
import { buildCaseTouchpointStrategy, buildMarketingCase } from './marketing-case.factory';
import { buildTouchpoint } from './touchpoint.factory';

const tagCatalog: TagCatalog = {
  categories: [
    { id: 'value', name: { 'zh-CN': '价值', en: 'Value' } },
    { id: 'behaviour', name: { 'zh-CN': '行为', en: 'Behaviour' } },
  ],
  tags: [
    {
      id: '5g-user',
      categoryId: 'value',
      name: { 'zh-CN': '5G用户', en: '5G user' },
      kind: 'static',
    },
    {
      id: 'high-value',
      categoryId: 'value',
      name: { 'zh-CN': '高价值', en: 'High value' },
      kind: 'static',
    },
    {
      id: 'recent-top-up',
      categoryId: 'behaviour',
      name: { 'zh-CN': '近期充值', en: 'Recent top-up' },
      kind: 'realtime',
      ttlSeconds: 3600,
      setBy: [{ eventType: 'top-up' }],
    },
  ],
  attributes: [
    {
      id: 'arpu',
      categoryId: 'value',
      name: { 'zh-CN': 'ARPU', en: 'ARPU' },
      type: 'number',
      unit: 'CNY',
    },
    {
      id: 'city',
      categoryId: 'value',
      name: { 'zh-CN': '城市', en: 'City' },
      type: 'enum',
      values: ['beijing', 'shanghai', 'guangzhou'],
    },
    {
      id: 'nickname',
      categoryId: 'value',
      name: { 'zh-CN': '称呼', en: 'Nickname' },
      type: 'string',
    },
  ],
};

const eventTypes: CustomerEventType[] = [
  {
    id: 'top-up',
    name: { 'zh-CN': '充值', en: 'Top-up' },
    category: 'billing',
    properties: { amount: { type: 'number', required: true } },
    counterWindowDays: 30,
  },
  {
    id: 'quota-alert',
    name: { 'zh-CN': '流量提醒', en: 'Quota alert' },
    category: 'usage',
    properties: { percent: { type: 'number', required: true } },
  },
  {
    id: 'store-visit',
    name: { 'zh-CN': '到店', en: 'Store visit' },
    category: 'channel',
    properties: { storeId: { type: 'string' } },
    inContactAt: 'store-clerk',
  },
];

function buildTouchpoints(): Touchpoint[] {
  return [
    buildTouchpoint({
      id: 'sms',
      quietHours: { start: '21:00', end: '08:00', action: 'defer', deferMaxHours: 12 },
    }),
    buildTouchpoint({ id: 'app-push', deliveryMethods: ['push'] }),
    buildTouchpoint({
      id: 'store-clerk',
      kind: 'inbound',
      audience: 'staff',
      deliveryMethods: ['screen'],
      isDisturbance: false,
      staffed: true,
      costPerContact: 2,
    }),
  ];
}

function buildCases(): CatalogSnapshot['cases'] {
  return [
    buildMarketingCase({
      id: 'top-up-bonus',
      trigger: { eventType: 'top-up', condition: { '>=': [{ var: 'event.amount' }, 50] } },
      touchpoints: [buildCaseTouchpointStrategy({ touchpointId: 'sms' })],
    }),
    buildMarketingCase({
      id: 'quota-upsell',
      targetRule: { '>=': [{ var: 'arpu' }, 50] },
      trigger: { eventType: 'quota-alert', condition: { '>=': [{ var: 'event.percent' }, 80] } },
      touchpoints: [
        buildCaseTouchpointStrategy({ touchpointId: 'store-clerk', allowOutbound: false }),
        buildCaseTouchpointStrategy({ touchpointId: 'app-push', preference: 1 }),
      ],
      value: 30,
    }),
    buildMarketingCase({
      id: 'store-welcome',
      trigger: { eventType: 'store-visit' },
      touchpoints: [
        buildCaseTouchpointStrategy({ touchpointId: 'store-clerk', allowOutbound: false }),
      ],
    }),
  ];
}

/**
 * A small valid catalog: tags `5g-user`, `high-value` (static) and `recent-top-up` (real-time, set
 * by top-ups); attributes `arpu`, `city`, `nickname`; event types `top-up` (counted 30 days),
 * `quota-alert` and `store-visit` (in contact at `store-clerk`); touchpoints `sms` (quiet
 * 21:00–08:00, defer), `app-push` and the inbound `store-clerk`; cases `top-up-bonus` (SMS on a
 * top-up ≥ 50), `quota-upsell` (store first, push second, for ARPU ≥ 50 at ≥ 80 % quota) and
 * `store-welcome` (store only); the default contact policy. Every call returns fresh objects.
 */
export function buildCatalogSnapshot(overrides: Partial<CatalogSnapshot> = {}): CatalogSnapshot {
  return {
    tagCatalog: structuredClone(tagCatalog),
    eventTypes: structuredClone(eventTypes),
    touchpoints: buildTouchpoints(),
    cases: buildCases(),
    contactPolicy: { ...defaultContactPolicy, perTouchpoint: {} },
    ...overrides,
  };
}
