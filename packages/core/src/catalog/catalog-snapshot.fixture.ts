import { defaultContactPolicy } from '../contact-policy/contact-policy.schema';
import type { MarketingCase } from '../marketing-case/marketing-case.schema';
import type { CatalogSnapshot } from './catalog-snapshot.schema';

// Test data only (imported by *.test.ts): a small operator with every kind of cross-reference.

const text = (en: string) => ({ 'zh-CN': en, en });

/** Fixed validity window of the fixture's cases: 2026-01-01 to 2027-01-01 UTC. */
export const fixtureValidFrom = Date.UTC(2026, 0, 1);
export const fixtureValidUntil = Date.UTC(2027, 0, 1);

/** A case of the fixture, with `overrides` applied. */
export function buildMarketingCase(overrides: Partial<MarketingCase> = {}): MarketingCase {
  return {
    id: 'top-up-bonus',
    version: 1,
    name: text('Third top-up bonus'),
    status: 'live',
    targetRule: { has_tag: '5g-user' },
    trigger: { eventType: 'top-up', condition: { '==': [{ event_count: ['top-up', 30] }, 3] } },
    touchpoints: [
      strategy('sms', 2, { deliveryMethod: 'sms' }),
      strategy('app-push', 1),
      strategy('store-counter', 2),
    ],
    validFrom: fixtureValidFrom,
    validUntil: fixtureValidUntil,
    value: 20,
    priority: 1,
    caps: { perCustomer: { count: 1, periodDays: 30 } },
    ...overrides,
  };
}

/** A fresh, valid snapshot on every call, so a test may break one part of it. */
export function buildCatalogSnapshot(): CatalogSnapshot {
  return {
    tagCatalog: {
      categories: [
        { id: 'value', name: text('Value') },
        { id: 'behaviour', name: text('Behaviour') },
      ],
      tags: [
        { id: '5g-user', categoryId: 'value', name: text('5G user'), kind: 'static' },
        { id: 'high-arpu', categoryId: 'value', name: text('High ARPU'), kind: 'static' },
        {
          id: 'roaming',
          categoryId: 'behaviour',
          name: text('Roaming now'),
          kind: 'realtime',
          ttlSeconds: 86_400,
          setBy: [{ eventType: 'roaming-start' }],
        },
        {
          id: 'big-top-up',
          categoryId: 'behaviour',
          name: text('Topped up 100+ in the last hour'),
          kind: 'realtime',
          ttlSeconds: 3600,
          setBy: [{ eventType: 'top-up', condition: { '>=': [{ var: 'event.amount' }, 100] } }],
        },
      ],
      attributes: [
        { id: 'arpu', categoryId: 'value', name: text('ARPU'), type: 'number', unit: 'CNY' },
        {
          id: 'city',
          categoryId: 'value',
          name: text('City'),
          type: 'enum',
          values: ['beijing', 'shanghai'],
        },
      ],
    },
    eventTypes: [
      {
        id: 'top-up',
        name: text('Top-up'),
        category: 'billing',
        properties: {
          amount: { type: 'number', required: true },
          channel: { type: 'enum', values: ['app', 'store', 'bank'] },
          paidAt: { type: 'date' },
          firstTime: { type: 'boolean' },
          note: { type: 'string' },
        },
        counterWindowDays: 30,
      },
      { id: 'roaming-start', name: text('Roaming started'), category: 'network', properties: {} },
      {
        id: 'store-visit',
        name: text('Store visit'),
        category: 'presence',
        properties: {},
        inContactAt: 'store-counter',
      },
    ],
    touchpoints: [
      touchpoint('sms', 'outbound', ['sms']),
      touchpoint('app-push', 'outbound', ['push', 'in-app']),
      touchpoint('store-counter', 'inbound', ['screen']),
    ],
    cases: [
      buildMarketingCase(),
      buildMarketingCase({
        id: 'roaming-pack',
        status: 'paused',
        targetRule: { '>': [{ var: 'arpu' }, 50] },
        trigger: { eventType: 'roaming-start' },
        touchpoints: [strategy('sms', 0)],
      }),
    ],
    contactPolicy: {
      ...defaultContactPolicy,
      perTouchpoint: { sms: { count: 4, periodDays: 30 } },
    },
  };
}

function touchpoint(
  id: string,
  kind: 'inbound' | 'outbound',
  deliveryMethods: string[],
): CatalogSnapshot['touchpoints'][number] {
  return {
    id,
    name: text(id),
    kind,
    audience: kind === 'inbound' ? 'staff' : 'customer',
    deliveryMethods,
    preferredDeliveryMethod: deliveryMethods[0] ?? 'none',
    isDisturbance: kind === 'outbound',
    costPerContact: 0.05,
  };
}

function strategy(
  touchpointId: string,
  preference: number,
  extra: { deliveryMethod?: string } = {},
): MarketingCase['touchpoints'][number] {
  return {
    touchpointId,
    preference,
    template: text(`Offer via ${touchpointId}`),
    delaySeconds: 0,
    validForSeconds: 3600,
    allowOutbound: true,
    ...extra,
  };
}
