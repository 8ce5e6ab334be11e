import { compileDecisionCatalog, hasStaticTag, type CustomerProfile } from '@omnitouch/core';
import {
  generateOperatorCatalog,
  generatePopulation,
  operatorReferenceTime,
} from '@omnitouch/demo';
import { describe, expect, it } from 'vitest';
import { evaluateWithJsonLogic, registerTagOperations, toJsonLogicCustomer } from './json-logic-js';

/**
 * The synthetic operator's 1,000 real target rules, as the engine compiles them (one rule set per
 * event type), against this peer: json-logic-js with the tag operations over a `Set` of tag ids.
 * It checks the rule language's generated code on realistic rules and customers with an
 * implementation it shares nothing with, and the peer's own set-up the rule-evaluation bench
 * relies on. Target rules read static tags and attributes only, so the `Set` holds static tags.
 */

const snapshot = generateOperatorCatalog({ seed: 2026 });
const compiled = compileDecisionCatalog(snapshot);
if (!compiled.ok) {
  throw new Error('the synthetic catalog does not compile');
}
const catalog = compiled.value;
const customers = [
  ...generatePopulation({ seed: 7, customers: 400, catalog: snapshot, tagIndex: catalog.tagIndex }),
];

function staticTagIds(profile: CustomerProfile): string[] {
  return [...catalog.tagIndex.staticBits]
    .filter(([, bit]) => hasStaticTag(profile, bit))
    .map(([id]) => id);
}

describe('the json-logic-js peer on the synthetic operator’s target rules', () => {
  it('matches the same customers as the engine’s rule sets', () => {
    registerTagOperations();
    let pairs = 0;
    let matches = 0;
    const disagreements: string[] = [];
    for (const [type, cases] of catalog.casesByEventType) {
      const set = catalog.targetRuleSetsByEventType?.get(type);
      expect(set?.size).toBe(cases.length);
      const out = new Uint8Array(cases.length);
      for (const profile of customers) {
        set?.evaluate({ profile, event: undefined, now: operatorReferenceTime }, out);
        const customer = toJsonLogicCustomer(profile.attributes, staticTagIds(profile));
        cases.forEach((compiledCase, k) => {
          const expected = evaluateWithJsonLogic(compiledCase.definition.targetRule, customer);
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
