import { describe, expect, it } from 'vitest';
import { createCustomerProfile } from '../customer-profile/create-customer-profile';
import { setStaticTag } from '../customer-profile/static-tags';
import type { CustomerProfile } from '../customer-profile/customer-profile';
import { buildCatalogSnapshot, buildMarketingCase } from './catalog-snapshot.fixture';
import { compileDecisionCatalog } from './compile-decision-catalog';
import { compileTargetRuleSets } from './compile-target-rule-sets';
import type { DecisionCatalog } from './decision-catalog';

const now = Date.UTC(2026, 10, 25, 8, 0, 0);

/** The fixture plus three more live top-up cases with different audiences. */
function catalogWithTopUpCases(): DecisionCatalog {
  const snapshot = buildCatalogSnapshot();
  snapshot.cases.push(
    buildMarketingCase({ id: 'rich', targetRule: { '>': [{ var: 'arpu' }, 100] } }),
    buildMarketingCase({ id: 'anyone', targetRule: true }),
    buildMarketingCase({
      id: 'rich-5g',
      targetRule: { and: [{ has_tag: '5g-user' }, { '>': [{ var: 'arpu' }, 100] }] },
    }),
  );
  const result = compileDecisionCatalog(snapshot);
  if (!result.ok) {
    throw new Error(`fixture rejected: ${JSON.stringify(result.issues)}`);
  }
  return result.value;
}

function profileOf(catalog: DecisionCatalog, fiveG: boolean, arpu?: number): CustomerProfile {
  const profile = createCustomerProfile('c1', catalog.tagIndex);
  setStaticTag(profile, catalog.tagIndex.staticBits.get('5g-user') ?? -1, fiveG);
  if (arpu !== undefined) {
    profile.attributes.arpu = arpu;
  }
  return profile;
}

describe(compileTargetRuleSets.name, () => {
  it.each([
    ['a 5G customer without ARPU', true, undefined, [1, 0, 1, 0]],
    ['a rich non-5G customer', false, 180, [0, 1, 1, 0]],
    ['a rich 5G customer', true, 180, [1, 1, 1, 1]],
  ])(
    'answers, per event type, every case target in casesByEventType order: %s',
    (_name, fiveG, arpu, expected) => {
      const catalog = catalogWithTopUpCases();
      const cases = catalog.casesByEventType.get('top-up') ?? [];
      const set = catalog.targetRuleSetsByEventType?.get('top-up');
      const input = { profile: profileOf(catalog, fiveG, arpu), event: undefined, now };
      const out = new Uint8Array(cases.length);

      expect(cases.map((c) => c.definition.id)).toEqual([
        'top-up-bonus',
        'rich',
        'anyone',
        'rich-5g',
      ]);
      expect(set?.evaluate(input, out)).toBe(expected.filter((bit) => bit === 1).length);
      expect([...out]).toEqual(expected);
      expect([...out]).toEqual(cases.map((c) => (c.target(input) ? 1 : 0)));
    },
  );

  it('builds sets only for event types that trigger live cases', () => {
    const catalog = catalogWithTopUpCases();
    expect([...(catalog.targetRuleSetsByEventType?.keys() ?? [])]).toEqual(['top-up']);
    expect(catalog.targetRuleSetsByEventType?.get('top-up')?.size).toBe(4);
  });
});
