export { compileRule, type CompiledRule } from './compile-rule';
export { compileProfileRule } from './compile-profile-rule';
export { validateProfileRule, maxRuleDepth } from './validate-profile-rule';
export { InvalidRuleError } from './invalid-rule-error';
export type { ProfileRule, RuleInput, RuleScope } from './rule-scope';
