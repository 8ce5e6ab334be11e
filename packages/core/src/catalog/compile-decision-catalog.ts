import type { MarketingCase } from '../marketing-case/marketing-case.schema';
import type { Tag } from '../tag-catalog/tag-catalog.schema';
import type { Touchpoint } from '../touchpoint/touchpoint.schema';
import { buildTagIndex, type TagIndex } from '../tag-catalog/tag-index';
import {
  accepted,
  pointer,
  rejected,
  type FieldIssue,
  type Validated,
} from '../validation/field-issue';
import { mapById } from './catalog-ids';
import { buildCatalogRuleScopes, type CatalogRuleScopes } from './catalog-rule-scope';
import { compileRuleAt } from './catalog-rules';
import { compileTargetRuleSets } from './compile-target-rule-sets';
import type { CatalogSnapshot } from './catalog-snapshot.schema';
import type { CompiledCase, CompiledRealtimeTagTrigger, DecisionCatalog } from './decision-catalog';
import { freezeSnapshotCopy } from './freeze-snapshot-copy';
import { validateCatalogSnapshot } from './validate-catalog-snapshot';

/**
 * Validates `snapshot` (see `validateCatalogSnapshot`) and compiles it into the catalog the
 * pipeline reads: rules compiled once, lookups indexed, bits numbered keeping every bit of
 * `previous`. Works on a deep-frozen copy, so neither `snapshot` nor `previous` is ever modified and
 * a rejected snapshot changes nothing. Never throws for bad input.
 */
export function compileDecisionCatalog(
  snapshot: CatalogSnapshot,
  previous?: TagIndex,
): Validated<DecisionCatalog> {
  const validated = validateCatalogSnapshot(snapshot, previous);
  if (!validated.ok) {
    return validated;
  }
  const frozen = freezeSnapshotCopy(validated.value);
  if (!frozen.ok) {
    return frozen;
  }
  const source = frozen.value;
  const tagIndex = buildTagIndex(source.tagCatalog, previous);
  const scopes = buildCatalogRuleScopes(source, tagIndex);
  const issues: FieldIssue[] = [];
  const touchpoints = mapById(source.touchpoints);
  const cases = new Map<string, CompiledCase>();
  source.cases.forEach((definition, index) => {
    const at = pointer('/cases', index);
    const compiled = compileCase(definition, at, scopes, touchpoints, issues);
    if (compiled !== undefined && !cases.has(definition.id)) {
      cases.set(definition.id, compiled);
    }
  });
  const realtimeTagTriggers = compileRealtimeTagTriggers(source, tagIndex, scopes, issues);
  if (issues.length > 0) {
    return rejected(issues);
  }
  const live = [...cases.values()].filter((entry) => entry.definition.status === 'live');
  const casesByEventType = groupBy(live, (entry) => [entry.definition.trigger.eventType]);
  return accepted({
    snapshot: source,
    tagIndex,
    tags: mapById(source.tagCatalog.tags),
    attributes: mapById(source.tagCatalog.attributes),
    eventTypes: mapById(source.eventTypes),
    touchpoints,
    contactPolicy: source.contactPolicy,
    cases,
    casesByEventType,
    targetRuleSetsByEventType: compileTargetRuleSets(casesByEventType, scopes.target),
    casesByTouchpoint: groupBy(live, (entry) => entry.strategies.map((s) => s.touchpointId)),
    realtimeTagTriggers,
  });
}

function compileCase(
  definition: MarketingCase,
  at: string,
  scopes: CatalogRuleScopes,
  touchpoints: ReadonlyMap<string, Touchpoint>,
  issues: FieldIssue[],
): CompiledCase | undefined {
  const target = compileRuleAt(definition.targetRule, scopes.target, `${at}/targetRule`, issues);
  const { eventType, condition } = definition.trigger;
  const triggerScope = scopes.forEvent(eventType);
  const trigger =
    condition === undefined || triggerScope === undefined
      ? undefined
      : compileRuleAt(condition, triggerScope, `${at}/trigger/condition`, issues);
  if (target === undefined || (condition !== undefined && trigger === undefined)) {
    return undefined;
  }
  // A stable sort: equal preferences keep the order the planner listed them in.
  const strategies = Object.freeze(
    [...definition.touchpoints].sort((a, b) => a.preference - b.preference),
  ) as CompiledCase['strategies'];
  return Object.freeze({
    definition,
    target,
    trigger,
    strategies,
    touchpoints: Object.freeze(
      strategies.map((strategy) => touchpoints.get(strategy.touchpointId)),
    ),
    live: definition.status === 'live',
    validFrom: definition.validFrom,
    validUntil: definition.validUntil,
  });
}

function compileRealtimeTagTriggers(
  source: CatalogSnapshot,
  tagIndex: TagIndex,
  scopes: CatalogRuleScopes,
  issues: FieldIssue[],
): Map<string, CompiledRealtimeTagTrigger[]> {
  const byEventType = new Map<string, CompiledRealtimeTagTrigger[]>();
  source.tagCatalog.tags.forEach((tag: Tag, index) => {
    const bit = tagIndex.realtimeBits.get(tag.id);
    const ttlSeconds = tag.ttlSeconds;
    if (tag.kind !== 'realtime' || bit === undefined || ttlSeconds === undefined) {
      return;
    }
    tag.setBy?.forEach(({ eventType, condition }, triggerIndex) => {
      const scope = scopes.forEvent(eventType);
      const field = `${pointer('/tagCatalog/tags', index)}/setBy/${triggerIndex}/condition`;
      const compiled =
        condition === undefined || scope === undefined
          ? undefined
          : compileRuleAt(condition, scope, field, issues);
      const trigger: CompiledRealtimeTagTrigger = { tagId: tag.id, bit, ttlSeconds };
      const list = byEventType.get(eventType) ?? [];
      list.push(Object.freeze(compiled ? { ...trigger, condition: compiled } : trigger));
      byEventType.set(eventType, list);
    });
  });
  return byEventType;
}

function groupBy<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      const group = groups.get(key) ?? [];
      group.push(item);
      groups.set(key, group);
    }
  }
  return groups;
}
