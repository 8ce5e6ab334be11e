import type { CustomerEvent, CustomerEventType } from '../customer-event/customer-event.schema';
import type { CustomerProfile } from '../customer-profile/customer-profile';
import type { AttributeDefinition } from '../tag-catalog/tag-catalog.schema';
import type { TagIndex } from '../tag-catalog/tag-index';

/**
 * What a profile rule may refer to: tags (by id, through the tag index), attributes, counted event
 * types, and — for trigger conditions only — the properties of the triggering event type `event`.
 */
export interface RuleScope {
  readonly tagIndex: TagIndex;
  readonly attributes: ReadonlyMap<string, AttributeDefinition>;
  readonly eventTypes: ReadonlyMap<string, CustomerEventType>;
  /** Set for trigger conditions: the type of the event that fires the rule. */
  readonly event?: CustomerEventType;
}

/** What a compiled profile rule reads: the profile, the triggering event (if any), and `now` (epoch ms). */
export interface RuleInput {
  readonly profile: CustomerProfile;
  readonly event: CustomerEvent | undefined;
  readonly now: number;
}

/** A compiled profile rule: whether the rule's value is truthy (JSON Logic truthiness) for `input`. */
export type ProfileRule = (input: RuleInput) => boolean;

/**
 * Many profile rules compiled together (`compileProfileRuleSet`). `evaluate` writes 1 or 0 into
 * `out[k]` — whether rule `k` (its position in the compiled list) matches `input`, exactly as its
 * `compileProfileRule` function would say — and returns how many matched. `out.length` must be at
 * least `size` (it throws a RangeError otherwise); `out` may be reused across calls.
 */
export interface ProfileRuleSet {
  readonly size: number;
  evaluate(input: RuleInput, out: Uint8Array): number;
}
