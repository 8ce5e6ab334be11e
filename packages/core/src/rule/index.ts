export { compileRule, type CompiledRule } from './compile-rule';
export { compileProfileRule } from './compile-profile-rule';
export {
  compileProfileRuleSet,
  defaultRulesPerFunction,
  type ProfileRuleSetOptions,
} from './compile-profile-rule-set';
export { validateProfileRule, maxRuleDepth } from './validate-profile-rule';
export { InvalidRuleError } from './invalid-rule-error';
export type { ProfileRule, ProfileRuleSet, RuleInput, RuleScope } from './rule-scope';
