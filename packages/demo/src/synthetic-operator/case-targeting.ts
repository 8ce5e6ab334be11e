import type { Tag } from '@omnitouch/core';
import { prevalenceOfTag } from './operator-tags';
import type { SeededRandom } from './seeded-random';

/** A named audience condition a planner attaches to a case ("high value", "tier-1 cities"). */
interface Segment {
  readonly name: { readonly 'zh-CN': string; readonly en: string };
  readonly rule: unknown;
}

const v = (attribute: string) => ({ var: attribute });

const segments: readonly Segment[] = [
  {
    name: { 'zh-CN': '高价值', en: 'high value' },
    rule: { in: [v('value-segment'), ['gold', 'platinum', 'diamond']] },
  },
  {
    name: { 'zh-CN': '中价值', en: 'mid value' },
    rule: { in: [v('value-segment'), ['silver', 'gold']] },
  },
  {
    name: { 'zh-CN': '大众', en: 'mass market' },
    rule: { in: [v('value-segment'), ['mass', 'silver']] },
  },
  { name: { 'zh-CN': 'ARPU≥100', en: 'ARPU ≥ 100' }, rule: { '>=': [v('arpu'), 100] } },
  { name: { 'zh-CN': '年轻客群', en: 'young' }, rule: { '<=': [v('age'), 30] } },
  { name: { 'zh-CN': '银发客群', en: 'seniors' }, rule: { '>=': [v('age'), 55] } },
  { name: { 'zh-CN': '老用户', en: 'long tenure' }, rule: { '>=': [v('tenure-months'), 36] } },
  { name: { 'zh-CN': '新用户', en: 'new customers' }, rule: { '<=': [v('tenure-months'), 6] } },
  {
    name: { 'zh-CN': '一线城市', en: 'tier-1 cities' },
    rule: { in: [v('city'), ['beijing', 'shanghai', 'guangzhou', 'shenzhen']] },
  },
  { name: { 'zh-CN': '5G网络', en: '5G network' }, rule: { '==': [v('network'), '5g'] } },
  { name: { 'zh-CN': '全量', en: 'all customers' }, rule: undefined },
];

/** Conditions planners add to narrow an audience; mostly permissive, so cases still match. */
const refinements: readonly unknown[] = [
  { '!': [{ has_tag: 'marketing-fatigued' }] },
  { '!': [{ has_tag: 'complaint-prone' }] },
  { '!': [{ has_tag: 'arrears-risk' }] },
  { '>=': [v('tenure-months'), 3] },
  { '>=': [v('age'), 18] },
  { '>=': [v('data-used-pct'), 40] },
  { '>=': [v('star-level'), 2] },
  { '==': [v('network'), '5g'] },
];

/** The tags and event context the targeting draws from. */
export interface TargetingContext {
  readonly staticTagIds: ReadonlySet<string>;
  /** Static tags outside the named head, for `has_any_tags` refinements. */
  readonly longTailTagIds: readonly string[];
  /** Common tags (prevalence ≥ 30 %). */
  readonly commonTagIds: readonly string[];
  /** Real-time tags set by each event type (true at trigger time, since the event sets them first). */
  readonly realtimeTagsByEvent: ReadonlyMap<string, readonly string[]>;
  /** Segments and refinements whose tags and attributes all exist in this catalog. */
  readonly segments: readonly Segment[];
  readonly refinements: readonly unknown[];
}

/** Builds the lookup tables the targeting needs from the catalog's tags. */
export function buildTargetingContext(
  tags: readonly Tag[],
  attributeIds: ReadonlySet<string>,
): TargetingContext {
  const staticTags = tags.filter((t) => t.kind === 'static');
  const known = (rule: unknown) =>
    referencesExist(rule, new Set(staticTags.map((t) => t.id)), attributeIds);
  const realtimeTagsByEvent = new Map<string, string[]>();
  for (const tag of tags.filter((t) => t.kind === 'realtime')) {
    for (const trigger of tag.setBy ?? []) {
      realtimeTagsByEvent.set(trigger.eventType, [
        ...(realtimeTagsByEvent.get(trigger.eventType) ?? []),
        tag.id,
      ]);
    }
  }
  return {
    staticTagIds: new Set(staticTags.map((t) => t.id)),
    longTailTagIds: staticTags.filter((t) => t.id.includes('.')).map((t) => t.id),
    commonTagIds: staticTags.filter((t) => prevalenceOfTag(t.id) >= 0.3).map((t) => t.id),
    realtimeTagsByEvent,
    segments: segments.filter((s) => known(s.rule)),
    refinements: refinements.filter(known),
  };
}

/** Whether every `has_tag` and `var` in `rule` names a tag or attribute of the catalog. */
function referencesExist(
  rule: unknown,
  tagIds: ReadonlySet<string>,
  attributeIds: ReadonlySet<string>,
): boolean {
  if (Array.isArray(rule)) {
    return rule.every((item) => referencesExist(item, tagIds, attributeIds));
  }
  if (typeof rule !== 'object' || rule === null) {
    return true;
  }
  return Object.entries(rule).every(([operator, argument]) =>
    operator === 'has_tag'
      ? tagIds.has(String(argument))
      : operator === 'var'
        ? attributeIds.has(String(argument))
        : referencesExist(argument, tagIds, attributeIds),
  );
}

/**
 * A target rule of 2–6 conditions: who the product is for (its anchor tags), a segment, and
 * refinements. Returns the rule and the segment's name for the case name.
 */
export function drawTargetRule(
  anchorTags: readonly string[],
  eventTypeId: string,
  context: TargetingContext,
  random: SeededRandom,
): { rule: unknown; segmentName: Segment['name'] } {
  const segment = random.pick(context.segments);
  const conditions: unknown[] = [];
  const anchors = anchorTags.filter((id) => context.staticTagIds.has(id));
  if (anchors.length > 0) {
    conditions.push(anchors.length === 1 ? { has_tag: anchors[0] } : { has_any_tags: anchors });
  }
  if (segment.rule !== undefined) {
    conditions.push(segment.rule);
  }
  const realtime = context.realtimeTagsByEvent.get(eventTypeId);
  if (realtime !== undefined && random.chance(0.5)) {
    conditions.push({ has_tag: random.pick(realtime) });
  }
  const wanted = random.int(2, 6);
  while (conditions.length < wanted) {
    const refinement = drawRefinement(context, random);
    if (refinement === undefined) {
      break;
    }
    conditions.push(refinement);
  }
  return { rule: { and: conditions }, segmentName: segment.name };
}

function drawRefinement(context: TargetingContext, random: SeededRandom): unknown {
  const roll = random.next();
  if (roll < 0.25 && context.longTailTagIds.length > 0) {
    return { has_any_tags: random.sample(context.longTailTagIds, random.int(3, 6)) };
  }
  if (roll < 0.4 && context.commonTagIds.length > 0) {
    return { has_tag: random.pick(context.commonTagIds) };
  }
  return context.refinements.length > 0 ? random.pick(context.refinements) : undefined;
}
