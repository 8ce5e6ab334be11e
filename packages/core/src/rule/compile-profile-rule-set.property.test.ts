import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CustomerEvent } from '../customer-event/customer-event.schema';
import type { CustomerProfile } from '../customer-profile/customer-profile';
import { compileProfileRule } from './compile-profile-rule';
import { compileProfileRuleSet } from './compile-profile-rule-set';
import type { RuleInput } from './rule-scope';
import {
  bitOf,
  profileWith,
  sampleStaticTags,
  targetScope,
  topUpScope,
} from './rule-scope.fixture';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 25, 10);
const today = Math.floor(now / DAY);

const staticTags = sampleStaticTags;
const tag = fc.constantFrom(...staticTags, 'roaming', 'in-store');
const attributes = ['arpu', 'data-used-pct', 'city', 'device', 'plan.tier', 'constructor'];
const eventNames = ['event.amount', 'event.channel', 'event.toString'];

const scalar = fc.oneof(
  fc.integer({ min: -2, max: 130 }),
  fc.constantFrom(0, 0.5, 128, 1e21),
  fc.constantFrom('', '0', '128', 'app', 'gold', 'shenzhen', 'beijing'),
  fc.boolean(),
  fc.constant(null),
);

/** Valid profile rules of every shape: domain operators, attribute and event reads, JSON Logic. */
function ruleArbitrary(withEvent: boolean): fc.Arbitrary<unknown> {
  const name = fc.constantFrom(...attributes, ...(withEvent ? eventNames : []));
  const { rule } = fc.letrec<{ rule: unknown; leaf: unknown; node: unknown; operation: unknown }>(
    (tie) => ({
      rule: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('node')),
      leaf: fc.oneof(
        scalar,
        tag.map((id) => ({ has_tag: id })),
        fc.array(tag, { minLength: 1, maxLength: 4 }).map((ids) => ({ has_any_tags: ids })),
        fc.array(tag, { minLength: 1, maxLength: 4 }).map((ids) => ({ has_all_tags: [ids] })),
        name.map((id) => ({ var: id })),
        fc.tuple(name, scalar).map(([id, fallback]) => ({ var: [id, fallback] })),
        fc.integer({ min: 1, max: 30 }).map((days) => ({ event_count: ['top-up', days] })),
        fc.subarray(attributes, { minLength: 1 }).map((keys) => ({ missing: keys })),
      ),
      node: fc.oneof(
        { arbitrary: tie('operation'), weight: 15 },
        // Throws at run time (reduce of no operands): the set must throw exactly where a rule does.
        { arbitrary: fc.constant({ '*': [] }), weight: 1 },
      ),
      operation: fc.oneof(
        fc
          .tuple(
            fc.constantFrom('==', '===', '!=', '!==', '<', '<=', '>', '>=', 'and', 'or', 'if', '+'),
            fc.array(tie('rule'), { minLength: 1, maxLength: 4 }),
          )
          .map(([op, args]) => ({ [op]: args })),
        fc.tuple(fc.constantFrom('!', '!!'), tie('rule')).map(([op, arg]) => ({ [op]: arg })),
        fc.tuple(name, tie('rule')).map(([id, fallback]) => ({ var: [id, fallback] })),
        fc
          .tuple(tie('rule'), fc.array(scalar, { maxLength: 10 }))
          .map(([needle, list]) => ({ in: [needle, list] })),
        fc
          .tuple(fc.constantFrom('some', 'all', 'none'), tie('rule'))
          .map(([op, logic]) => ({ [op]: [[1, 'a', null], logic] })),
      ),
    }),
  );
  return rule;
}

const tagWords = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom(0, 0x80000000, 1)), {
    maxLength: 3,
  })
  .map((words) => new Uint32Array(words));

const profile: fc.Arbitrary<CustomerProfile> = fc
  .record({
    tags: tagWords,
    attributes: fc.dictionary(fc.constantFrom(...attributes), fc.oneof(fc.integer(), fc.string())),
    realtime: fc.array(
      fc.tuple(
        fc.constantFrom(bitOf('roaming'), bitOf('in-store')),
        fc.integer({ min: -2, max: 2 }),
      ),
      { maxLength: 3 },
    ),
    counts: fc.option(fc.uniqueArray(fc.integer({ min: -32, max: 1 }), { maxLength: 6 })),
  })
  .map(({ tags, attributes: values, realtime, counts }) =>
    profileWith([], {
      tags,
      attributes: values,
      realtimeTags: realtime.flatMap(([bit, offset]) => [bit, now + offset]),
      ...(counts === null
        ? {}
        : {
            eventCounts: {
              'top-up': [...counts].sort((a, b) => a - b).flatMap((day) => [today + day, 2]),
            },
          }),
    }),
  );

const event: fc.Arbitrary<CustomerEvent | undefined> = fc.option(
  fc.dictionary(fc.constantFrom('amount', 'channel'), scalar).map((properties) => ({
    eventId: 'e-1',
    customerId: 'c-1',
    type: 'top-up',
    occurredAt: now,
    properties,
  })),
  { nil: undefined },
);

/** Each rule's own answer in order, up to the first that throws (whose position is returned). */
function answersOneByOne(rules: readonly unknown[], withEvent: boolean, input: RuleInput) {
  const scope = withEvent ? topUpScope : targetScope;
  const bits: number[] = [];
  for (const [k, rule] of rules.entries()) {
    try {
      bits.push(compileProfileRule(rule, scope)(input) ? 1 : 0);
    } catch {
      return { bits, throwsAt: k };
    }
  }
  return { bits, throwsAt: undefined };
}

describe(compileProfileRuleSet.name, () => {
  it.each([false, true])(
    'agrees with compileProfileRule for random rule sets and profiles (trigger scope: %s)',
    (withEvent) => {
      const rules = fc.array(ruleArbitrary(withEvent), { minLength: 1, maxLength: 24 });
      const inputs = fc.array(
        fc.record({
          profile,
          event: withEvent ? event : fc.constant(undefined),
          now: fc.constant(now),
        }),
        { minLength: 1, maxLength: 4 },
      );
      const rulesPerFunction = fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined });
      fc.assert(
        fc.property(rules, inputs, rulesPerFunction, (list, cases, size) => {
          const set = compileProfileRuleSet(list, withEvent ? topUpScope : targetScope, {
            rulesPerFunction: size,
          });
          for (const input of cases) {
            const { bits, throwsAt } = answersOneByOne(list, withEvent, input);
            const out = new Uint8Array(list.length).fill(9);
            if (throwsAt === undefined) {
              expect(set.evaluate(input, out)).toBe(bits.filter((bit) => bit === 1).length);
              expect([...out]).toEqual(bits);
            } else {
              expect(() => set.evaluate(input, out)).toThrow();
              expect([...out.subarray(0, throwsAt)]).toEqual(bits);
            }
          }
        }),
        { numRuns: 400, seed: 20261125 },
      );
    },
  );
});
