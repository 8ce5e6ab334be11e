import type { AttributeValue } from '@omnitouch/core';

type Attributes = Readonly<Record<string, AttributeValue>>;

const num = (attributes: Attributes, id: string): number => {
  const value = attributes[id];
  return typeof value === 'number' ? value : Number.NaN;
};
const text = (attributes: Attributes, id: string): string => String(attributes[id] ?? '');
const is5gDevice = (a: Attributes) => !['legacy-4g', 'feature-phone'].includes(text(a, 'device'));

/**
 * Head tags that follow from a customer's attributes rather than from chance, so a profile never
 * says "high ARPU" with an ARPU of CNY 30 or "5G plan" on a 4G plan.
 */
export const derivedTags: ReadonlyMap<string, (attributes: Attributes) => boolean> = new Map([
  ['high-arpu', (a: Attributes) => num(a, 'arpu') >= 150],
  ['mid-arpu', (a: Attributes) => num(a, 'arpu') >= 60 && num(a, 'arpu') < 150],
  ['low-arpu', (a: Attributes) => num(a, 'arpu') < 60],
  ['5g-device', is5gDevice],
  ['5g-plan', (a: Attributes) => text(a, 'plan').startsWith('5g')],
  ['5g-device-4g-plan', (a: Attributes) => is5gDevice(a) && !text(a, 'plan').startsWith('5g')],
  ['iphone-user', (a: Attributes) => text(a, 'device-brand') === 'apple'],
  ['huawei-user', (a: Attributes) => text(a, 'device-brand') === 'huawei'],
  ['xiaomi-user', (a: Attributes) => text(a, 'device-brand') === 'xiaomi'],
  ['senior', (a: Attributes) => num(a, 'age') >= 60],
  ['young-adult', (a: Attributes) => num(a, 'age') >= 18 && num(a, 'age') <= 30],
  ['broadband-holder', (a: Attributes) => num(a, 'broadband-mbps') > 0],
  ['gigabit-broadband', (a: Attributes) => num(a, 'broadband-mbps') >= 1000],
  ['long-tenure', (a: Attributes) => num(a, 'tenure-months') >= 60],
  ['new-customer', (a: Attributes) => num(a, 'tenure-months') <= 3],
  ['star-5', (a: Attributes) => num(a, 'star-level') >= 5],
  ['star-3', (a: Attributes) => num(a, 'star-level') === 3],
  ['heavy-data-user', (a: Attributes) => num(a, 'data-used-pct') >= 85],
  ['light-data-user', (a: Attributes) => num(a, 'data-used-pct') <= 30],
  ['data-over-quota', (a: Attributes) => num(a, 'data-used-pct') >= 100],
  ['points-rich', (a: Attributes) => num(a, 'points') >= 30_000],
]);
