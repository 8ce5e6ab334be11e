import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../validation/field-issue';
import { targetScope, topUpScope } from './rule-scope.fixture';
import { validateProfileRule } from './validate-profile-rule';

const nested = (depth: number): unknown => (depth === 0 ? true : { '!': nested(depth - 1) });

const cyclic: Record<string, unknown[]> = { and: [{ has_tag: '5g-user' }] };
cyclic.and?.push(cyclic);

describe(validateProfileRule.name, () => {
  it.each<[string, unknown, FieldIssue[]]>([
    [
      'a marketing-case target rule',
      {
        and: [
          { has_any_tags: ['5g-user', 'heavy-data'] },
          { '>=': [{ var: 'arpu' }, 100] },
          { in: [{ var: 'city' }, ['beijing', 'shanghai']] },
          { '>': [{ event_count: ['top-up', 30] }, 2] },
          { some: [[1, 2], { '>': [{ var: 'anything-goes-on-items' }, 1] }] },
        ],
      },
      [],
    ],
    [
      'an unknown tag',
      { and: [{ has_tag: '5g-user' }, { has_tag: 'vip' }] },
      [{ field: '/and/1/has_tag', reason: 'unknown tag "vip"' }],
    ],
    [
      'has_tag with two tags',
      { has_tag: ['5g-user', 'roaming'] },
      [{ field: '/has_tag', reason: 'has_tag takes exactly one tag id' }],
    ],
    [
      'a tag id that is not a string',
      { has_tag: 7 },
      [{ field: '/has_tag', reason: 'must be a tag id (a string)' }],
    ],
    [
      'an empty tag list',
      { has_any_tags: [] },
      [{ field: '/has_any_tags', reason: 'has_any_tags needs at least one tag id' }],
    ],
    [
      'an unknown tag in a list',
      { has_all_tags: ['5g-user', 'vip'] },
      [{ field: '/has_all_tags/1', reason: 'unknown tag "vip"' }],
    ],
    [
      'an unknown tag in a list given as one array',
      { has_any_tags: [['roaming', 'vip']] },
      [{ field: '/has_any_tags/0/1', reason: 'unknown tag "vip"' }],
    ],
    [
      'an unknown attribute',
      { '>': [{ var: 'income' }, 1] },
      [{ field: '/>/0/var', reason: 'unknown attribute "income"' }],
    ],
    [
      'an unknown attribute with a default',
      { var: ['income', 0] },
      [{ field: '/var/0', reason: 'unknown attribute "income"' }],
    ],
    [
      'a var that is not a name',
      { var: 3 },
      [
        {
          field: '/var',
          reason: 'must name an attribute or an event property (a non-empty string)',
        },
      ],
    ],
    [
      'a var with three arguments',
      { var: ['arpu', 0, 1] },
      [{ field: '/var/2', reason: 'var takes a name and an optional default' }],
    ],
    [
      'an unknown operator',
      { or: [{ has_tag: '5g-user' }, { matches: ['a', 'b'] }] },
      [{ field: '/or/1/matches', reason: 'unknown operator "matches"' }],
    ],
    [
      'an unknown attribute in missing',
      { missing: ['arpu', 'income'] },
      [{ field: '/missing/1', reason: 'unknown attribute "income"' }],
    ],
    [
      'an event property outside a trigger',
      { '>=': [{ var: 'event.amount' }, 50] },
      [
        {
          field: '/>=/0/var',
          reason: 'reads "event.amount", but only trigger conditions have an event',
        },
      ],
    ],
    [
      'event_count of an unknown type',
      { event_count: ['refund', 7] },
      [{ field: '/event_count/0', reason: 'unknown event type "refund"' }],
    ],
    [
      'event_count of an uncounted type',
      { event_count: ['quota-alert', 7] },
      [
        {
          field: '/event_count/0',
          reason:
            'events of type "quota-alert" are not counted (the type has no counterWindowDays)',
        },
      ],
    ],
    [
      'event_count beyond the counter window',
      { event_count: ['top-up', 31] },
      [
        {
          field: '/event_count/1',
          reason: 'a 31-day window is longer than the 30 days "top-up" events are counted',
        },
      ],
    ],
    [
      'event_count over zero days',
      { event_count: ['top-up', 0] },
      [{ field: '/event_count/1', reason: 'must be a whole number of days, at least 1' }],
    ],
    [
      'event_count without days',
      { event_count: 'top-up' },
      [{ field: '/event_count', reason: 'event_count takes [event type, number of days]' }],
    ],
    [
      'a function',
      { and: [() => true] },
      [{ field: '/and/0', reason: 'is a function, which JSON cannot hold' }],
    ],
    [
      'NaN',
      { '>': [{ var: 'arpu' }, Number.NaN] },
      [{ field: '/>/1', reason: 'is NaN, which JSON cannot hold' }],
    ],
    [
      'undefined',
      { '==': [{ var: 'arpu' }, undefined] },
      [{ field: '/==/1', reason: 'is undefined, which JSON cannot hold' }],
    ],
    [
      'a Date',
      { '>': [{ var: 'arpu' }, new Date(0)] },
      [{ field: '/>/1', reason: 'is an instance of a class, not a plain JSON object' }],
    ],
    [
      'a cycle',
      cyclic,
      [{ field: '/and/1', reason: 'refers back to an enclosing part of the rule' }],
    ],
    ['64 levels of nesting', nested(64), []],
    [
      '65 levels of nesting',
      nested(65),
      [
        {
          field: `/${Array.from({ length: 64 }, () => '!').join('/')}`,
          reason: 'nests deeper than 64 levels',
        },
      ],
    ],
    [
      'every issue at once',
      { and: [{ has_tag: 'vip' }, { var: 'income' }, { nope: [] }] },
      [
        { field: '/and/0/has_tag', reason: 'unknown tag "vip"' },
        { field: '/and/1/var', reason: 'unknown attribute "income"' },
        { field: '/and/2/nope', reason: 'unknown operator "nope"' },
      ],
    ],
  ])('target rule: %s', (_name, rule, issues) => {
    expect(validateProfileRule(rule, targetScope)).toEqual(issues);
  });

  it.each<[string, unknown, FieldIssue[]]>([
    ['a declared property of the triggering event', { '>=': [{ var: 'event.amount' }, 50] }, []],
    [
      'an undeclared property',
      { '==': [{ var: 'event.coupon' }, 'x'] },
      [{ field: '/==/0/var', reason: 'event type "top-up" has no property "coupon"' }],
    ],
    [
      'the event itself instead of a property',
      { var: 'event' },
      [{ field: '/var', reason: 'must name one event property: "event.<property>"' }],
    ],
  ])('trigger condition: %s', (_name, rule, issues) => {
    expect(validateProfileRule(rule, topUpScope)).toEqual(issues);
  });

  it('reports a root that is not JSON at "/"', () => {
    expect(validateProfileRule(Symbol('rule'), targetScope)).toEqual([
      { field: '/', reason: 'is a symbol, which JSON cannot hold' },
    ]);
  });
});
