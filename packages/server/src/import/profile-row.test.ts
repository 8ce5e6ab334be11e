import { describe, expect, it } from 'vitest';
import type { CatalogSnapshot } from '@omnitouch/core';
import { buildRuntimeCatalog } from '../runtime/runtime.fixtures';
import { planProfileColumns } from './profile-columns';
import { toProfileChange } from './profile-row';

const base = buildRuntimeCatalog();
const catalog: CatalogSnapshot = {
  ...base,
  tagCatalog: {
    ...base.tagCatalog,
    attributes: [
      ...base.tagCatalog.attributes,
      {
        id: 'contract-end',
        categoryId: 'value',
        name: { 'zh-CN': '合约到期', en: 'Contract end' },
        type: 'date',
      },
      {
        id: 'plan',
        categoryId: 'value',
        name: { 'zh-CN': '套餐', en: 'Plan' },
        type: 'enum',
        values: ['a', 'b'],
      },
    ],
  },
};
const header = [
  'customerId',
  'arpu',
  'contract-end',
  'plan',
  '5g-user',
  'unsubscribed',
  'utcOffsetMinutes',
];
const plan = planProfileColumns(header, catalog);
if (!plan.ok) {
  throw new Error('the header must plan');
}

describe(toProfileChange.name, () => {
  it.each([
    [
      ['c1', '58.5', '2027-01-31T00:00:00Z', 'a', 'yes', '0', '480'],
      {
        customerId: 'c1',
        attributes: { arpu: 58.5, 'contract-end': Date.UTC(2027, 0, 31), plan: 'a' },
        tags: { '5g-user': true },
        consent: { unsubscribed: false },
        utcOffsetMinutes: 480,
      },
    ],
    [
      ['c2', '', '1800000000000', '', '0', '', ''],
      {
        customerId: 'c2',
        attributes: { 'contract-end': 1_800_000_000_000 },
        tags: { '5g-user': false },
      },
    ],
  ])('converts cells to typed values and skips empty ones (%j)', (fields, expected) => {
    expect(toProfileChange(fields, plan.value)).toEqual({ ok: true, value: expected });
  });

  it('reports every bad cell by its column', () => {
    const result = toProfileChange(['', 'x', 'someday', 'c', 'maybe', 'no', '9000'], plan.value);
    expect(result.ok ? [] : result.issues.map((issue) => issue.field)).toEqual([
      'arpu',
      'contract-end',
      'plan',
      '5g-user',
      'utcOffsetMinutes',
      'customerId',
    ]);
  });
});
