import { describe, expect, it } from 'vitest';
import type { CustomerEvent } from '../customer-event/customer-event.schema';
import type { CustomerProfile } from '../customer-profile/customer-profile';
import { compileProfileRule } from './compile-profile-rule';
import { InvalidRuleError } from './invalid-rule-error';
import { bitOf, profileWith, targetScope, topUpScope } from './rule-scope.fixture';

const DAY = 86_400_000;
/** 2026-11-25T10:00:00Z, day 20417. */
const now = Date.UTC(2026, 10, 25, 10);
const today = Math.floor(now / DAY);

const matches = (rule: unknown, profile: CustomerProfile, event?: CustomerEvent): boolean =>
  compileProfileRule(rule, event === undefined ? targetScope : topUpScope)({ profile, event, now });

const fiveG = profileWith(['5g-user', 'last-bit-of-word-0', 'churn-risk'], {
  attributes: { arpu: 128, city: 'shenzhen', 'plan.tier': 'gold', 'data-used-pct': 0 },
  realtimeTags: [bitOf('roaming'), now + 60_000, bitOf('in-store'), now],
  eventCounts: { 'top-up': [today - 30, 5, today - 29, 1, today - 1, 2, today, 1, today + 1, 9] },
});

const topUpEvent: CustomerEvent = {
  eventId: 'e-1',
  customerId: 'c-1',
  type: 'top-up',
  occurredAt: now,
  properties: { amount: 100, channel: 'app' },
};

describe(compileProfileRule.name, () => {
  it.each([
    ['a static tag the customer has', { has_tag: '5g-user' }, true],
    ['a static tag the customer lacks', { has_tag: 'family-plan' }, false],
    ['bit 31, the sign bit of word 0', { has_tag: 'last-bit-of-word-0' }, true],
    ['a tag in the second bitset word', { has_tag: 'churn-risk' }, true],
    ['an unexpired real-time tag', { has_tag: 'roaming' }, true],
    ['a real-time tag expiring exactly now', { has_tag: 'in-store' }, false],
    [
      'has_any_tags with one tag set, across words',
      { has_any_tags: ['family-plan', 'churn-risk'] },
      true,
    ],
    [
      'has_any_tags with none set',
      { has_any_tags: ['family-plan', 'heavy-data', 'in-store'] },
      false,
    ],
    ['has_any_tags reaching a real-time tag', { has_any_tags: ['family-plan', 'roaming'] }, true],
    ['has_any_tags given one array', { has_any_tags: [['heavy-data', '5g-user']] }, true],
    [
      'has_all_tags all set, across words',
      { has_all_tags: ['5g-user', 'last-bit-of-word-0', 'churn-risk', 'roaming'] },
      true,
    ],
    [
      'has_all_tags with one missing in the same word',
      { has_all_tags: ['5g-user', 'family-plan'] },
      false,
    ],
    [
      'has_all_tags with an expired real-time tag',
      { has_all_tags: ['5g-user', 'in-store'] },
      false,
    ],
  ])('tests tags: %s', (_name, rule, expected) => {
    expect(matches(rule, fiveG)).toBe(expected);
  });

  it('reads a tag bit beyond a shorter bitset (profile stored under an older catalog) as unset', () => {
    const old = profileWith([], { tags: new Uint32Array([0xffffffff]) });
    expect(matches({ has_tag: 'churn-risk' }, old)).toBe(false);
    expect(matches({ has_tag: 'high-value' }, old)).toBe(true);
  });

  it.each([
    ['a number attribute', { '>=': [{ var: 'arpu' }, 100] }, true],
    ['a missing attribute as null', { '==': [{ var: 'device' }, null] }, true],
    [
      'a missing attribute with a default',
      { '==': [{ var: ['device', 'unknown'] }, 'unknown'] },
      true,
    ],
    ['a present attribute ignoring the default', { '==': [{ var: ['arpu', 0] }, 128] }, true],
    ['an attribute whose id holds a dot, whole', { '==': [{ var: 'plan.tier' }, 'gold'] }, true],
    ['an attribute named like an Object member', { '==': [{ var: 'constructor' }, null] }, true],
    ['zero as falsy', { var: 'data-used-pct' }, false],
    ['a city in a literal list', { in: [{ var: 'city' }, ['beijing', 'shenzhen']] }, true],
    ['loose equality of a number and a string', { '==': [{ var: 'arpu' }, '128'] }, true],
    [
      'and returning its falsy operand',
      { and: [{ has_tag: '5g-user' }, { var: 'device' }] },
      false,
    ],
    [
      'if chains',
      {
        if: [{ has_tag: 'family-plan' }, false, { '<': [100, { var: 'arpu' }, 200] }, true, false],
      },
      true,
    ],
    ['an empty array result as false', { merge: [] }, false],
    ['the string "0" as true', { cat: ['0'] }, true],
    ['scoped logic reading items', { some: [[1, 200], { '>': [{ var: '' }, 150] }] }, true],
    [
      'scoped logic reading an item field, not the attribute',
      { all: [[{ arpu: 1, city: 'x' }], { '==': [{ var: 'arpu' }, 1] }] },
      true,
    ],
    ['a domain operator inside scoped logic', { all: [[1, 2], { has_tag: '5g-user' }] }, true],
    ['missing over the attributes', { '==': [{ missing: ['arpu', 'device'] }, ['device']] }, false],
  ])('evaluates JSON Logic over attributes: %s', (_name, rule, expected) => {
    expect(matches(rule, fiveG)).toBe(expected);
  });

  it.each([
    ['a property of the triggering event', { '>=': [{ var: 'event.amount' }, 50] }, true],
    [
      'an absent event property named like an Object member',
      { '==': [{ var: 'event.toString' }, null] },
      true,
    ],
    ['a string event property', { '==': [{ var: 'event.channel' }, 'app'] }, true],
  ])('reads the trigger event: %s', (_name, rule, expected) => {
    expect(matches(rule, fiveG, topUpEvent)).toBe(expected);
  });

  it('reads an event property as null when the rule runs without an event', () => {
    const rule = compileProfileRule({ '==': [{ var: 'event.amount' }, null] }, topUpScope);
    expect(rule({ profile: fiveG, event: undefined, now })).toBe(true);
  });

  it.each([
    ['today only', 1, 1],
    ['yesterday and today', 2, 3],
    ['30 days including today (day today-29 is inside, today-30 outside)', 30, 4],
  ])('counts events on the last N days including today: %s', (_name, days, count) => {
    expect(matches({ '==': [{ event_count: ['top-up', days] }, count] }, fiveG)).toBe(true);
  });

  it('counts zero events for a profile without counters', () => {
    expect(matches({ '==': [{ event_count: ['top-up', 30] }, 0] }, profileWith([]))).toBe(true);
  });

  it('throws InvalidRuleError listing every issue instead of compiling a bad rule', () => {
    const compile = () =>
      compileProfileRule({ or: [{ has_tag: 'nope' }, { var: 'income' }] }, targetScope);
    expect(compile).toThrow(InvalidRuleError);
    expect(() => compile()).toThrow(/unknown tag "nope"/);
    try {
      compile();
    } catch (error) {
      expect((error as InvalidRuleError).issues).toEqual([
        { field: '/or/0/has_tag', reason: 'unknown tag "nope"' },
        { field: '/or/1/var', reason: 'unknown attribute "income"' },
      ]);
    }
  });
});
