import { compileDecisionCatalog, hasStaticTag, type CustomerProfile } from '@omnitouch/core';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { generateOperatorCatalog, operatorReferenceTime } from './operator-catalog';
import { generatePopulation } from './operator-population';

/**
 * The operator's 1,000 real target rules, as the engine compiles them (one rule set per event
 * type), against json-logic-js with the tag operations over a `Set` of tag ids: the rule language's
 * generated code on realistic rules and customers, checked by an implementation it shares nothing
 * with. Target rules read static tags and attributes only, so the `Set` holds the static tags.
 */

interface OracleData {
  readonly tagIds: ReadonlySet<string>;
}

jsonLogic.add_operation('has_tag', function (this: OracleData, id: string) {
  return this.tagIds.has(id);
});
jsonLogic.add_operation('has_any_tags', function (this: OracleData, ...args: unknown[]) {
  return args.flat().some((id) => this.tagIds.has(id as string));
});
jsonLogic.add_operation('has_all_tags', function (this: OracleData, ...args: unknown[]) {
  return args.flat().every((id) => this.tagIds.has(id as string));
});

const snapshot = generateOperatorCatalog({ seed: 2026 });
const compiled = compileDecisionCatalog(snapshot);
if (!compiled.ok) {
  throw new Error('the synthetic catalog does not compile');
}
const catalog = compiled.value;
const customers = [
  ...generatePopulation({ seed: 7, customers: 400, catalog: snapshot, tagIndex: catalog.tagIndex }),
];

function oracleData(profile: CustomerProfile): OracleData & Record<string, unknown> {
  const tagIds = new Set<string>();
  for (const [id, bit] of catalog.tagIndex.staticBits) {
    if (hasStaticTag(profile, bit)) {
      tagIds.add(id);
    }
  }
  return { ...profile.attributes, tagIds };
}

describe('the synthetic operator’s target rules', () => {
  it('match the same customers in the engine’s rule sets as in json-logic-js', () => {
    let pairs = 0;
    let matches = 0;
    const disagreements: string[] = [];
    for (const [type, cases] of catalog.casesByEventType) {
      const set = catalog.targetRuleSetsByEventType?.get(type);
      expect(set?.size).toBe(cases.length);
      const out = new Uint8Array(cases.length);
      for (const profile of customers) {
        set?.evaluate({ profile, event: undefined, now: operatorReferenceTime }, out);
        const data = oracleData(profile);
        cases.forEach((compiledCase, k) => {
          const rule = compiledCase.definition.targetRule as jsonLogic.RulesLogic;
          const expected = jsonLogic.truthy(jsonLogic.apply(rule, data));
          pairs += 1;
          matches += out[k] ?? 0;
          if ((out[k] === 1) !== expected) {
            disagreements.push(`${compiledCase.definition.id} on ${profile.customerId}`);
          }
        });
      }
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
    // Every live case is triggered by some event type; and the audiences are neither empty nor all.
    expect(pairs).toBeGreaterThan(400 * 900);
    expect(matches / pairs).toBeGreaterThan(0.01);
    expect(matches / pairs).toBeLessThan(0.5);
  });
});
