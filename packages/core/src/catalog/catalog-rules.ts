import { InvalidRuleError, compileProfileRule, validateProfileRule } from '../rule/index';
import type { ProfileRule, RuleScope } from '../rule/index';
import type { FieldIssue } from '../validation/field-issue';
import { pointer } from '../validation/field-issue';
import type { CatalogRuleScopes } from './catalog-rule-scope';
import type { CatalogSnapshot } from './catalog-snapshot.schema';

/** A rule somewhere in a snapshot: its JSON Pointer, the rule, and the event type it fires on. */
interface RuleSite {
  readonly field: string;
  readonly rule: unknown;
  /** Set for trigger conditions (case triggers, real-time tag `setBy`). */
  readonly eventType?: string;
}

/**
 * Every issue of every rule in the snapshot, each field prefixed with the rule's location
 * (`/cases/3/targetRule/and/0/has_tag`). Conditions of unknown event types are skipped: the
 * unknown type is already reported.
 */
export function checkCatalogRules(
  snapshot: CatalogSnapshot,
  scopes: CatalogRuleScopes,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const site of listRuleSites(snapshot)) {
    const scope = scopeOf(site, scopes);
    if (scope !== undefined) {
      issues.push(...prefixIssues(site.field, validateProfileRule(site.rule, scope)));
    }
  }
  return issues;
}

/**
 * Compiles the rule at `field`; on `InvalidRuleError` records its issues (prefixed with `field`)
 * and returns `undefined`, so a catalog compile reports rule errors instead of throwing them.
 */
export function compileRuleAt(
  rule: unknown,
  scope: RuleScope,
  field: string,
  issues: FieldIssue[],
): ProfileRule | undefined {
  try {
    return compileProfileRule(rule, scope);
  } catch (error) {
    if (error instanceof InvalidRuleError) {
      issues.push(...prefixIssues(field, error.issues));
      return undefined;
    }
    throw error;
  }
}

/** Rebases rule-relative JSON Pointers (`/and/0`, or `` / `/` for the root) under `base`. */
export function prefixIssues(base: string, issues: readonly FieldIssue[]): FieldIssue[] {
  return issues.map((issue) => ({
    field: issue.field === '' || issue.field === '/' ? base : `${base}${issue.field}`,
    reason: issue.reason,
  }));
}

function listRuleSites(snapshot: CatalogSnapshot): RuleSite[] {
  const sites: RuleSite[] = [];
  snapshot.tagCatalog.tags.forEach((tag, tagIndex) => {
    tag.setBy?.forEach((trigger, triggerIndex) => {
      if (trigger.condition !== undefined) {
        const field = `${pointer('/tagCatalog/tags', tagIndex)}/setBy/${triggerIndex}/condition`;
        sites.push({ field, rule: trigger.condition, eventType: trigger.eventType });
      }
    });
  });
  snapshot.cases.forEach((marketingCase, caseIndex) => {
    const at = pointer('/cases', caseIndex);
    sites.push({ field: `${at}/targetRule`, rule: marketingCase.targetRule });
    if (marketingCase.trigger.condition !== undefined) {
      sites.push({
        field: `${at}/trigger/condition`,
        rule: marketingCase.trigger.condition,
        eventType: marketingCase.trigger.eventType,
      });
    }
  });
  return sites;
}

function scopeOf(site: RuleSite, scopes: CatalogRuleScopes): RuleScope | undefined {
  return site.eventType === undefined ? scopes.target : scopes.forEvent(site.eventType);
}
