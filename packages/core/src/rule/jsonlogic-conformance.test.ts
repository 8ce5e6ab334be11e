import { describe, expect, it } from 'vitest';
import { compileRule } from './compile-rule';

/**
 * The jsonlogic.com conformance suite lives in the shared folder beside the repository
 * (`<repo>/../shared/…`), in development and in CI alike. It is read with a dynamic JSON import
 * (core's lint forbids node:fs even in tests); a missing file fails the run instead of skipping.
 */
const suiteUrl = new URL('../../../../../shared/conformance/jsonlogic/tests.json', import.meta.url);
const suite = (await import(suiteUrl.href, { with: { type: 'json' } })) as { default: unknown[] };

type Case = readonly [rule: unknown, data: unknown, expected: unknown];
const cases = suite.default.filter((entry): entry is Case => typeof entry !== 'string');

describe(compileRule.name, () => {
  it('reads all 277 cases of the jsonlogic.com suite', () => {
    expect(cases).toHaveLength(277);
  });

  it.each(cases.map((c, i) => [i, JSON.stringify(c[0]), c] as const))(
    'case %i: %s',
    (_index, _rule, [rule, data, expected]) => {
      expect(compileRule(rule)(data)).toStrictEqual(expected);
    },
  );
});
