import { describe, expect, it } from 'vitest';
import type { CustomerEvent } from '../customer-event/customer-event.schema';
import type { CustomerProfile } from '../customer-profile/customer-profile';
import { compileProfileRule } from './compile-profile-rule';
import { compileProfileRuleSet } from './compile-profile-rule-set';
import { InvalidRuleError } from './invalid-rule-error';
import type { RuleInput, RuleScope } from './rule-scope';
import { bitOf, profileWith, targetScope, topUpScope } from './rule-scope.fixture';

const DAY = 86_400_000;
/** 2026-11-25T10:00:00Z. */
const now = Date.UTC(2026, 10, 25, 10);
const today = Math.floor(now / DAY);

type Row = readonly [name: string, rule: unknown, expected: boolean];

/**
 * Evaluates all `rows` as ONE rule set (in chunks of `rulesPerFunction`) and returns, per row, the
 * set's answer, after checking it against the row's own `compileProfileRule` function and the count.
 */
function evaluateRows(
  rows: readonly Row[],
  scope: RuleScope,
  input: RuleInput,
  rulesPerFunction?: number,
): boolean[] {
  const rules = rows.map(([, rule]) => rule);
  const set = compileProfileRuleSet(rules, scope, { rulesPerFunction });
  const out = new Uint8Array(rules.length).fill(9);
  const matched = set.evaluate(input, out);
  const single = rules.map((rule) => (compileProfileRule(rule, scope)(input) ? 1 : 0));
  expect([...out]).toEqual(single);
  expect(matched).toBe(single.filter((bit) => bit === 1).length);
  return [...out].map((bit) => bit === 1);
}

const inputOf = (profile: CustomerProfile, event?: CustomerEvent): RuleInput => ({
  profile,
  event,
  now,
});

const wordEdges = profileWith(['5g-user', 'last-bit-of-word-0', 'heavy-data']);
const wordRows: readonly Row[] = [
  ['bit 0', { has_tag: '5g-user' }, true],
  ['bit 31, the sign bit of word 0', { has_tag: 'last-bit-of-word-0' }, true],
  ['bit 32, the first bit of word 1', { has_tag: 'heavy-data' }, true],
  ['bit 33, unset', { has_tag: 'churn-risk' }, false],
  [
    'all of bits 0 and 31 (a negative mask)',
    { has_all_tags: ['5g-user', 'last-bit-of-word-0'] },
    true,
  ],
  [
    'all of bits 31, 32, 33',
    { has_all_tags: ['last-bit-of-word-0', 'heavy-data', 'churn-risk'] },
    false,
  ],
  ['any of bits 1 and 33', { has_any_tags: ['family-plan', 'churn-risk'] }, false],
  ['any of bits 1 and 31', { has_any_tags: [['family-plan', 'last-bit-of-word-0']] }, true],
];

const shortRows: readonly Row[] = [
  ['bit 31 inside the one stored word', { has_tag: 'last-bit-of-word-0' }, true],
  ['bit 32 beyond it, as unset', { has_tag: 'heavy-data' }, false],
  ['any across the missing word', { has_any_tags: ['churn-risk', 'high-value'] }, true],
  ['all across the missing word', { has_all_tags: ['5g-user', 'churn-risk'] }, false],
  ['not of a missing bit', { '!': { has_tag: 'churn-risk' } }, true],
];

const realtime = profileWith(['5g-user'], {
  realtimeTags: [bitOf('roaming'), now + 60_000, bitOf('in-store'), now],
});
const realtimeRows: readonly Row[] = [
  ['an unexpired real-time tag', { has_tag: 'roaming' }, true],
  ['a real-time tag expiring exactly now', { has_tag: 'in-store' }, false],
  [
    'any of an expired real-time and an unset static tag',
    { has_any_tags: ['in-store', 'family-plan'] },
    false,
  ],
  [
    'all of a static and an unexpired real-time tag',
    { has_all_tags: ['5g-user', 'roaming'] },
    true,
  ],
  [
    'all of a static and an expired real-time tag',
    { has_all_tags: ['5g-user', 'in-store'] },
    false,
  ],
];

const counted = profileWith([], {
  eventCounts: { 'top-up': [today - 30, 5, today - 29, 1, today - 1, 2, today, 1, today + 1, 9] },
});
const countRows: readonly Row[] = [
  ['today only', { '==': [{ event_count: ['top-up', 1] }, 1] }, true],
  ['yesterday and today', { '==': [{ event_count: ['top-up', 2] }, 3] }, true],
  ['30 days: today-29 in, today-30 out', { '==': [{ event_count: ['top-up', 30] }, 4] }, true],
  ['the same window twice', { '>': [{ event_count: ['top-up', 30] }, 3] }, true],
  ['a count as a truthy value', { event_count: ['top-up', 1] }, true],
];

const topUp: CustomerEvent = {
  eventId: 'e-1',
  customerId: 'c-1',
  type: 'top-up',
  occurredAt: now,
  properties: { amount: 100, channel: 'app' },
};
const buyer = profileWith(['5g-user'], { attributes: { arpu: 128, 'plan.tier': 'gold' } });
const eventRows: readonly Row[] = [
  ['a number property', { '>=': [{ var: 'event.amount' }, 50] }, true],
  ['a string property', { '==': [{ var: 'event.channel' }, 'app'] }, true],
  [
    'an absent property named like an Object member',
    { '==': [{ var: 'event.toString' }, null] },
    true,
  ],
  ['a property with a default', { '==': [{ var: ['event.channel', 'web'] }, 'app'] }, true],
  [
    'a property beside a tag and an attribute',
    {
      and: [
        { has_tag: '5g-user' },
        { var: 'event.amount' },
        { '==': [{ var: 'plan.tier' }, 'gold'] },
      ],
    },
    true,
  ],
];

describe(compileProfileRuleSet.name, () => {
  it.each([undefined, 1, 3])('tests tag words at their edges (%s rules per function)', (size) => {
    const answers = evaluateRows(wordRows, targetScope, inputOf(wordEdges), size);
    expect(answers).toEqual(wordRows.map(([, , expected]) => expected));
  });

  it.each([
    [
      'one word (a catalog that grew since)',
      new Uint32Array([0x80000005]),
      [true, false, true, false, true],
    ],
    ['no words at all', new Uint32Array(0), [false, false, false, false, true]],
  ])('reads words beyond a short tags array as 0: %s', (_name, tags, expected) => {
    const answers = evaluateRows(shortRows, targetScope, inputOf(profileWith([], { tags })), 2);
    expect(answers).toEqual(expected);
  });

  it.each(realtimeRows)('tests real-time tags: %s', (_name, rule, expected) => {
    const answers = evaluateRows(realtimeRows, targetScope, inputOf(realtime), 2);
    expect(answers[realtimeRows.findIndex(([, candidate]) => candidate === rule)]).toBe(expected);
  });

  it.each(countRows)('counts events on the last N days: %s', (_name, rule, expected) => {
    const answers = evaluateRows(countRows, targetScope, inputOf(counted));
    expect(answers[countRows.findIndex(([, candidate]) => candidate === rule)]).toBe(expected);
  });

  it.each(eventRows)('reads the triggering event: %s', (_name, rule, expected) => {
    const answers = evaluateRows(eventRows, topUpScope, inputOf(buyer, topUp), 2);
    expect(answers[eventRows.findIndex(([, candidate]) => candidate === rule)]).toBe(expected);
  });

  it('reads event properties as null when evaluated without an event', () => {
    const answers = evaluateRows(eventRows, topUpScope, inputOf(buyer));
    expect(answers).toEqual([false, false, true, false, false]);
  });

  it('writes each rule at its position and returns the number matched', () => {
    const rules = [{ has_tag: 'churn-risk' }, { has_tag: '5g-user' }, { var: 'arpu' }, true, 0];
    const set = compileProfileRuleSet(rules, targetScope, { rulesPerFunction: 2 });
    const out = new Uint8Array(6).fill(7);
    expect(set.size).toBe(5);
    expect(set.evaluate(inputOf(buyer), out)).toBe(3);
    expect([...out]).toEqual([0, 1, 1, 1, 0, 7]);
  });

  it('evaluates an identical rule once and copies its answer', () => {
    const rule = { and: [{ has_tag: '5g-user' }, { '>': [{ var: 'arpu' }, 100] }] };
    const set = compileProfileRuleSet(
      [rule, { has_tag: 'roaming' }, structuredClone(rule)],
      targetScope,
    );
    const out = new Uint8Array(3);
    expect(set.evaluate(inputOf(buyer), out)).toBe(2);
    expect([...out]).toEqual([1, 0, 1]);
    expect(set.evaluate.toString()).toContain('out[2] = out[0]');
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])(
    'still evaluates every rule when told %s rules per function',
    (rulesPerFunction) => {
      const set = compileProfileRuleSet([true, false, true], targetScope, { rulesPerFunction });
      const out = new Uint8Array(3);
      expect(set.evaluate(inputOf(buyer), out)).toBe(2);
      expect([...out]).toEqual([1, 0, 1]);
    },
  );

  it('splits long rules over several functions, each small enough for V8 to optimise', () => {
    const long = (k: number) => ({
      or: Array.from({ length: 40 }, (_, j) => ({ '==': [{ var: 'arpu' }, k * 40 + j] })),
    });
    const rules = Array.from({ length: 100 }, (_, k) => long(k));
    const set = compileProfileRuleSet(rules, targetScope, {
      rulesPerFunction: Number.POSITIVE_INFINITY,
    });
    const calls = set.evaluate.toString().match(/chunk\d+\(i, out\)/g) ?? [];
    expect(calls.length).toBeGreaterThan(1);
    const out = new Uint8Array(100);
    const profile = profileWith([], { attributes: { arpu: 41 * 40 + 7 } });
    expect(set.evaluate(inputOf(profile), out)).toBe(1);
    expect(out.indexOf(1)).toBe(41);
  });

  it('matches nothing for an empty list of rules', () => {
    const set = compileProfileRuleSet([], targetScope);
    expect(set.size).toBe(0);
    expect(set.evaluate(inputOf(buyer), new Uint8Array(0))).toBe(0);
  });

  it('throws a RangeError when out cannot hold every rule', () => {
    const set = compileProfileRuleSet([true, true], targetScope);
    expect(() => set.evaluate(inputOf(buyer), new Uint8Array(1))).toThrow(RangeError);
  });

  it('throws what a rule throws at run time, after writing the rules before it', () => {
    const rules = [true, { has_tag: '5g-user' }, { '*': [] }, true];
    const single = compileProfileRule(rules[2], targetScope);
    expect(() => single(inputOf(buyer))).toThrow(TypeError);
    const out = new Uint8Array(4);
    const set = compileProfileRuleSet(rules, targetScope, { rulesPerFunction: 1 });
    expect(() => set.evaluate(inputOf(buyer), out)).toThrow(TypeError);
    expect([...out]).toEqual([1, 1, 0, 0]);
  });

  it('throws InvalidRuleError listing every issue, prefixed with the rule position', () => {
    const compile = () =>
      compileProfileRuleSet(
        [{ has_tag: '5g-user' }, { has_tag: 'nope' }, { or: [true, { var: 'income' }] }],
        targetScope,
      );
    expect(compile).toThrow(InvalidRuleError);
    try {
      compile();
    } catch (error) {
      expect((error as InvalidRuleError).issues).toEqual([
        { field: '/1/has_tag', reason: 'unknown tag "nope"' },
        { field: '/2/or/1/var', reason: 'unknown attribute "income"' },
      ]);
    }
  });
});
