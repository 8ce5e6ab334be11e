import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { compileRule } from './compile-rule';

/** Outcome of running a rule: its value, or that it threw (any error counts as agreeing). */
type Outcome = { readonly value: unknown } | { readonly threw: true };

function outcomeOf(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch {
    return { threw: true };
  }
}

const scalar = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.constantFrom(0, -0, 0.5, 1.5, -2.25, 1e21),
  fc.constantFrom('', '0', '1', '2.5', 'a', 'b', 'abc', 'apple pie', ' 3 ', 'x.y', 'true'),
  fc.boolean(),
  fc.constant(null),
);

/** Data shaped like real inputs: scalars, a nested object, arrays of numbers, strings and objects. */
const data = fc.record({
  a: scalar,
  b: scalar,
  s: fc.string({ maxLength: 6 }),
  n: fc.integer({ min: -5, max: 5 }),
  o: fc.record({ x: scalar, y: fc.array(scalar, { maxLength: 3 }) }),
  list: fc.array(fc.integer({ min: -3, max: 9 }), { maxLength: 5 }),
  words: fc.array(fc.constantFrom('a', 'b', 'abc', '', '0'), { maxLength: 4 }),
  items: fc.array(fc.record({ qty: scalar, name: scalar }), { maxLength: 4 }),
  keys: fc.array(fc.constantFrom('a', 'b', 'zz', 'o.x', 's', 'nope'), { maxLength: 4 }),
  empty: fc.constantFrom([], '', null, 0),
});

const paths = fc.constantFrom(
  'a',
  'b',
  's',
  'n',
  'o',
  'o.x',
  'o.y',
  'o.y.0',
  'list',
  'list.1',
  'words',
  'items',
  'items.0.qty',
  'keys',
  'empty',
  'nope',
  'o.nope.deeper',
  '',
  'current',
  'accumulator',
  'qty',
  'name',
  0,
  1,
);

const plainOperators = [
  '==',
  '===',
  '!=',
  '!==',
  '>',
  '>=',
  '<',
  '<=',
  '!',
  '!!',
  '%',
  '/',
  '-',
  '+',
  '*',
  'min',
  'max',
  'merge',
  'cat',
  'substr',
  'in',
  'and',
  'or',
  'if',
  '?:',
  'missing',
  'missing_some',
] as const;
const scopedOperators = ['map', 'filter', 'all', 'some', 'none', 'reduce'] as const;

const { rule } = fc.letrec<{ rule: unknown; variable: unknown; application: unknown }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'medium', withCrossShrink: true },
    scalar,
    tie('variable'),
    tie('application'),
    fc.array(tie('rule'), { maxLength: 3 }),
  ),
  variable: fc.oneof(
    paths.map((path) => ({ var: path })),
    fc.tuple(paths, tie('rule')).map(([path, fallback]) => ({ var: [path, fallback] })),
    tie('rule').map((path) => ({ var: [path] })),
  ),
  application: fc.oneof(
    fc
      .tuple(fc.constantFrom(...plainOperators), fc.array(tie('rule'), { maxLength: 4 }))
      .map(([op, args]) => ({ [op]: args })),
    fc.tuple(fc.constantFrom(...plainOperators), tie('rule')).map(([op, arg]) => ({ [op]: arg })),
    fc
      .tuple(fc.constantFrom(...scopedOperators), tie('rule'), tie('rule'), tie('rule'))
      .map(([op, items, logic, initial]) => ({ [op]: [items, logic, initial] })),
    fc
      .tuple(fc.constantFrom(...scopedOperators), paths, tie('rule'))
      .map(([op, path, logic]) => ({ [op]: [{ var: path }, logic] })),
  ),
}));

describe(compileRule.name, () => {
  it('returns exactly what json-logic-js@2.0.5 returns for random rules and data', () => {
    fc.assert(
      fc.property(rule, data, (generated, input) => {
        const theirs = outcomeOf(() => jsonLogic.apply(generated as jsonLogic.RulesLogic, input));
        const ours = outcomeOf(() => compileRule(generated)(input));
        expect(ours).toStrictEqual(theirs);
      }),
      { numRuns: 5000, seed: 20261125 },
    );
  });

  it('agrees with json-logic-js on rules that compare data fields (the common shape)', () => {
    const comparison = fc
      .tuple(fc.constantFrom('==', '!=', '<', '<=', '>', '>=', 'in'), paths, scalar)
      .map(([op, path, value]) => ({ [op]: [{ var: path }, value] }));
    const combined = fc
      .tuple(fc.constantFrom('and', 'or'), fc.array(comparison, { minLength: 1, maxLength: 5 }))
      .map(([op, parts]) => ({ [op]: parts }));
    fc.assert(
      fc.property(combined, data, (generated, input) => {
        const theirs = outcomeOf(() => jsonLogic.apply(generated, input));
        expect(outcomeOf(() => compileRule(generated)(input))).toStrictEqual(theirs);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
