import {
  defaultContactPolicy,
  type CatalogSnapshot,
  type CustomerEventType,
} from '@omnitouch/core';

const text = (en: string) => ({ 'zh-CN': en, en });

function eventType(id: string, properties: CustomerEventType['properties']): CustomerEventType {
  return { id, name: text(id), category: 'rewards-app', properties, counterWindowDays: 30 };
}

/**
 * The Starbucks rewards-app test as an Omnitouch catalog: its four event kinds (the transcript's
 * `offer id` key is renamed `offer_id`, property names cannot hold spaces) and the profile fields
 * as attributes. No cases: the replay checks what ingest accepts, not what would be offered.
 */
export const starbucksCatalog: CatalogSnapshot = {
  tagCatalog: {
    categories: [{ id: 'demographics', name: text('Demographics') }],
    tags: [
      {
        id: 'rewards-member',
        categoryId: 'demographics',
        name: text('Rewards member'),
        kind: 'static',
      },
    ],
    attributes: [
      {
        id: 'gender',
        categoryId: 'demographics',
        name: text('Gender'),
        type: 'enum',
        values: ['M', 'F', 'O'],
      },
      { id: 'age', categoryId: 'demographics', name: text('Age'), type: 'number' },
      {
        id: 'income',
        categoryId: 'demographics',
        name: text('Income'),
        type: 'number',
        unit: 'USD',
      },
      {
        id: 'became-member-on',
        categoryId: 'demographics',
        name: text('Member since'),
        type: 'date',
      },
    ],
  },
  eventTypes: [
    eventType('offer-received', { offer_id: { type: 'string', required: true } }),
    eventType('offer-viewed', { offer_id: { type: 'string', required: true } }),
    eventType('offer-completed', {
      offer_id: { type: 'string', required: true },
      reward: { type: 'number', required: true },
    }),
    eventType('transaction', { amount: { type: 'number', required: true } }),
  ],
  touchpoints: [],
  cases: [],
  contactPolicy: defaultContactPolicy,
};
