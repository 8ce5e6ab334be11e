import type { CustomerEventType } from '../customer-event/customer-event.schema';
import type { CustomerProfile } from '../customer-profile/customer-profile';
import type { AttributeDefinition } from '../tag-catalog/tag-catalog.schema';
import { buildTagIndex } from '../tag-catalog/tag-index';
import type { RuleScope } from './rule-scope';

/** Test fixture: a small catalog whose static tags span two bitset words (bits 31 and 32). */
const staticTagIds = [
  '5g-user',
  'family-plan',
  'high-value',
  ...Array.from({ length: 28 }, (_, i) => `filler-${i}`),
  'last-bit-of-word-0',
  'heavy-data',
  'churn-risk',
];

const tagIndex = buildTagIndex({
  tags: [
    ...staticTagIds.map((id) => ({ id, kind: 'static' as const })),
    { id: 'roaming', kind: 'realtime' as const },
    { id: 'in-store', kind: 'realtime' as const },
  ].map((tag) => ({ ...tag, categoryId: 'test', name: { 'zh-CN': tag.id, en: tag.id } })),
});

const attribute = (id: string, type: AttributeDefinition['type']): AttributeDefinition => ({
  id,
  categoryId: 'test',
  name: { 'zh-CN': id, en: id },
  type,
});

const eventType = (
  id: string,
  properties: CustomerEventType['properties'],
  counterWindowDays?: number,
): CustomerEventType => ({
  id,
  name: { 'zh-CN': id, en: id },
  category: 'test',
  properties,
  ...(counterWindowDays === undefined ? {} : { counterWindowDays }),
});

const topUp = eventType(
  'top-up',
  {
    amount: { type: 'number' },
    channel: { type: 'string' },
    // A property named like an Object member, to prove rules never read Object.prototype.
    ...Object.fromEntries([['toString', { type: 'string' as const }]]),
  },
  30,
);

/** Scope of a target rule: tags, attributes (one id with a dot, one named like an Object member). */
export const targetScope: RuleScope = {
  tagIndex,
  attributes: new Map(
    [
      attribute('arpu', 'number'),
      attribute('data-used-pct', 'number'),
      attribute('city', 'enum'),
      attribute('device', 'string'),
      attribute('plan.tier', 'string'),
      attribute('constructor', 'string'),
    ].map((a) => [a.id, a]),
  ),
  eventTypes: new Map(
    [topUp, eventType('quota-alert', { percent: { type: 'number' } })].map((t) => [t.id, t]),
  ),
};

/** Scope of a trigger condition fired by a `top-up` event (counted for 30 days). */
export const topUpScope: RuleScope = { ...targetScope, event: topUp };

/** Static bit of a tag id in the fixture. */
export function bitOf(tagId: string): number {
  return (
    targetScope.tagIndex.staticBits.get(tagId) ?? targetScope.tagIndex.realtimeBits.get(tagId) ?? -1
  );
}

/** A profile with the given static tags and attributes (built by hand to keep rule tests standalone). */
export function profileWith(
  staticTags: readonly string[],
  overrides: Partial<CustomerProfile> = {},
): CustomerProfile {
  const tags = new Uint32Array(targetScope.tagIndex.words);
  for (const id of staticTags) {
    const bit = bitOf(id);
    tags[bit >>> 5] = (tags[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }
  return {
    customerId: 'c-1',
    tags,
    attributes: {},
    consent: { unsubscribed: false },
    ...overrides,
  };
}

/** Static tags for generated tests: both edges of bitset word 0 (bits 31 and 32) and some between. */
export const sampleStaticTags: readonly string[] = [
  '5g-user',
  'family-plan',
  'filler-0',
  'filler-27',
  'last-bit-of-word-0',
  'heavy-data',
  'churn-risk',
];
