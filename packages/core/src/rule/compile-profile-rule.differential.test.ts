import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { hasRealtimeTag } from '../customer-profile/realtime-tags';
import type { CustomerProfile } from '../customer-profile/customer-profile';
import { compileProfileRule } from './compile-profile-rule';
import { compileProfileRuleSet } from './compile-profile-rule-set';
import { bitOf, profileWith, sampleStaticTags, targetScope } from './rule-scope.fixture';

/**
 * The profile operators against an oracle that shares no code with the generator: json-logic-js
 * with `has_tag`, `has_any_tags` and `has_all_tags` registered over a plain `Set` of the customer's
 * tag ids. Tag tests are generated as word masks joined without branches, and `and`/`or` join runs
 * of them with `&`/`|`; both are exactly where a generator bug would agree with itself (the rule
 * set and the single rule come from the same emitters), so only an outside oracle can catch it.
 * (The bench's `peers/json-logic-js.ts` registers the same operations; core's tests import no
 * other workspace, so they are registered here.)
 */

const now = Date.UTC(2026, 11, 7, 10);
const staticTags = sampleStaticTags;
const realtimeTags = ['roaming', 'in-store'];
const tag = fc.constantFrom(...staticTags, ...realtimeTags);
const tagList = fc.array(tag, { minLength: 1, maxLength: 4 });

interface OracleData {
  readonly tagIds: ReadonlySet<string>;
  readonly [attribute: string]: unknown;
}

/** json-logic-js passes `{"has_any_tags": [["a", "b"]]}`'s list as one argument, a flat list as several. */
const idsOf = (args: readonly unknown[]): unknown[] => args.flat();

jsonLogic.add_operation('has_tag', function (this: OracleData, id: string) {
  return this.tagIds.has(id);
});
jsonLogic.add_operation('has_any_tags', function (this: OracleData, ...args: unknown[]) {
  return idsOf(args).some((id) => this.tagIds.has(id as string));
});
jsonLogic.add_operation('has_all_tags', function (this: OracleData, ...args: unknown[]) {
  return idsOf(args).every((id) => this.tagIds.has(id as string));
});

const scalar = fc.oneof(
  fc.integer({ min: -1, max: 150 }),
  fc.constantFrom('', 'gold', 'beijing'),
  fc.boolean(),
  fc.constant(null),
);

/** Rules of tag tests under `and`/`or`/`!`/`!!`, mixed with comparisons and plain values. */
const rule: fc.Arbitrary<unknown> = fc.letrec<{ rule: unknown; leaf: unknown; node: unknown }>(
  (tie) => ({
    rule: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('node')),
    leaf: fc.oneof(
      { arbitrary: tag.map((id) => ({ has_tag: id })), weight: 3 },
      { arbitrary: tagList.map((ids) => ({ has_any_tags: ids })), weight: 2 },
      { arbitrary: tagList.map((ids) => ({ has_any_tags: [ids] })), weight: 1 },
      { arbitrary: tagList.map((ids) => ({ has_all_tags: ids })), weight: 2 },
      { arbitrary: tagList.map((ids) => ({ has_all_tags: [ids] })), weight: 1 },
      {
        arbitrary: fc
          .tuple(fc.constantFrom('>=', '<', '=='), fc.integer({ min: 0, max: 150 }))
          .map(([op, value]) => ({ [op]: [{ var: 'arpu' }, value] })),
        weight: 1,
      },
      { arbitrary: scalar, weight: 1 },
    ),
    node: fc.oneof(
      fc
        .tuple(fc.constantFrom('and', 'or'), fc.array(tie('rule'), { minLength: 1, maxLength: 6 }))
        .map(([op, args]) => ({ [op]: args })),
      fc.tuple(fc.constantFrom('!', '!!'), tie('rule')).map(([op, arg]) => ({ [op]: arg })),
      // The value `and`/`or` return (not only its truth) must be JSON Logic's too.
      fc
        .tuple(fc.constantFrom('and', 'or'), fc.array(tie('rule'), { minLength: 1, maxLength: 4 }))
        .chain(([op, args]) => scalar.map((value) => ({ '===': [{ [op]: args }, value] }))),
    ),
  }),
).rule;

const profile: fc.Arbitrary<CustomerProfile> = fc
  .record({
    tags: fc.subarray([...staticTags]),
    realtime: fc.array(
      fc.tuple(fc.constantFrom(...realtimeTags), fc.constantFrom(-60_000, 60_000)),
      { maxLength: 3 },
    ),
    arpu: fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
  })
  .map(({ tags, realtime, arpu }) =>
    profileWith(tags, {
      attributes: arpu === undefined ? {} : { arpu },
      realtimeTags: realtime.flatMap(([id, offset]) => [bitOf(id), now + offset]),
    }),
  );

/** The customer as the oracle sees it: attributes as fields, every tag in force as an id. */
function oracleData(customer: CustomerProfile): OracleData {
  const tagIds = new Set(
    staticTags.filter((id) => {
      const bit = bitOf(id);
      return ((customer.tags[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0;
    }),
  );
  for (const id of realtimeTags) {
    if (hasRealtimeTag(customer, bitOf(id), now)) {
      tagIds.add(id);
    }
  }
  return { ...customer.attributes, tagIds };
}

describe('profile rules against json-logic-js with tag operations', () => {
  it('compileProfileRule and compileProfileRuleSet answer as json-logic-js does', () => {
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 8 }), profile, (rules, customer) => {
        const expected = rules.map((r) =>
          jsonLogic.truthy(jsonLogic.apply(r as jsonLogic.RulesLogic, oracleData(customer))),
        );
        const input = { profile: customer, event: undefined, now };
        expect(rules.map((r) => compileProfileRule(r, targetScope)(input))).toEqual(expected);
        const out = new Uint8Array(rules.length);
        compileProfileRuleSet(rules, targetScope).evaluate(input, out);
        expect([...out].map((bit) => bit === 1)).toEqual(expected);
      }),
      { numRuns: 2_000, seed: 20261207 },
    );
  });

  it.each([
    // Tags in both words (bits 31 and 32), some held, some not.
    [{ has_all_tags: ['last-bit-of-word-0', 'heavy-data'] }, ['last-bit-of-word-0'], false],
    [
      { has_all_tags: ['last-bit-of-word-0', 'heavy-data'] },
      ['last-bit-of-word-0', 'heavy-data'],
      true,
    ],
    [{ has_any_tags: ['5g-user', 'churn-risk'] }, ['churn-risk'], true],
    [{ has_any_tags: ['5g-user', 'churn-risk'] }, ['family-plan'], false],
    // A run of tag tests joined without branches, then a value `and` must still return.
    [
      { '===': [{ and: [{ has_tag: '5g-user' }, { has_tag: 'heavy-data' }, 7] }, 7] },
      ['5g-user', 'heavy-data'],
      true,
    ],
    [
      { '===': [{ and: [{ has_tag: '5g-user' }, { has_tag: 'heavy-data' }, 7] }, false] },
      ['5g-user'],
      true,
    ],
    [
      { '===': [{ or: [{ has_tag: '5g-user' }, { has_tag: 'heavy-data' }, 'none'] }, 'none'] },
      [],
      true,
    ],
    [
      { '!': { or: [{ has_tag: 'filler-0' }, { has_all_tags: ['5g-user', 'churn-risk'] }] } },
      ['5g-user'],
      true,
    ],
  ])('%j over tags %j is %s', (r, tags, expected) => {
    const input = { profile: profileWith(tags), event: undefined, now };
    expect(compileProfileRule(r, targetScope)(input)).toBe(expected);
  });
});
