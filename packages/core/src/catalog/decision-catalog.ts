import type { ContactPolicy } from '../contact-policy/contact-policy.schema';
import type { CustomerEventType } from '../customer-event/customer-event.schema';
import type {
  CaseTouchpointStrategy,
  MarketingCase,
} from '../marketing-case/marketing-case.schema';
import type { ProfileRule, ProfileRuleSet } from '../rule/index';
import type { AttributeDefinition, Tag } from '../tag-catalog/tag-catalog.schema';
import type { TagIndex } from '../tag-catalog/tag-index';
import type { Touchpoint } from '../touchpoint/touchpoint.schema';
import type { CatalogSnapshot } from './catalog-snapshot.schema';

/** A marketing case with its rules compiled once, ready to be matched many times. */
export interface CompiledCase {
  readonly definition: MarketingCase;
  /** Whether the customer is in the case's target audience (no `event` in scope). */
  readonly target: ProfileRule;
  /** The trigger's condition over the event and profile; `undefined` when the trigger has none. */
  readonly trigger: ProfileRule | undefined;
  /** The case's touchpoint strategies, lowest `preference` first (ties keep their listed order). */
  readonly strategies: CaseTouchpointStrategy[];
  /** `touchpoints[s]` is strategy `s`'s touchpoint, `undefined` when the catalog has none by its id. */
  readonly touchpoints: readonly (Touchpoint | undefined)[];
  /**
   * `definition.status === 'live'` and its validity window, copied here because every event reads
   * them for every candidate case: all compiled cases share one hidden class, definitions do not.
   */
  readonly live: boolean;
  readonly validFrom: number;
  readonly validUntil: number;
}

/** One way a real-time tag gets set: by an event of the map key's type, when `condition` holds. */
export interface CompiledRealtimeTagTrigger {
  readonly tagId: string;
  /** The tag's `TagIndex.realtimeBits` value. */
  readonly bit: number;
  readonly ttlSeconds: number;
  readonly condition?: ProfileRule;
}

/**
 * The compiled, immutable catalog the pipeline reads (built by `compileDecisionCatalog`); swapped
 * whole, never edited. Every lookup on the decision path is a map access, never a scan of cases.
 */
export interface DecisionCatalog {
  /** The validated snapshot this catalog was compiled from (deep-frozen copy). */
  readonly snapshot: CatalogSnapshot;
  /** Bit indexes, including bits of tags since removed (pass it as `previous` to the next compile). */
  readonly tagIndex: TagIndex;
  readonly tags: ReadonlyMap<string, Tag>;
  readonly attributes: ReadonlyMap<string, AttributeDefinition>;
  readonly eventTypes: ReadonlyMap<string, CustomerEventType>;
  readonly touchpoints: ReadonlyMap<string, Touchpoint>;
  readonly contactPolicy: ContactPolicy;
  /** Every case by id, whatever its status. */
  readonly cases: ReadonlyMap<string, CompiledCase>;
  /** The trigger index: event type → `live` cases triggered by it, in catalog order. */
  readonly casesByEventType: ReadonlyMap<string, CompiledCase[]>;
  /**
   * Event type → the target rules of `casesByEventType`'s cases as one rule set, in the same order
   * (`out[k]` answers `casesByEventType.get(type)[k].target`). Checking ~9 cases with one `evaluate`
   * costs less per rule than calling each `target` (bench/rule-evaluation.bench.ts). Optional:
   * catalogs assembled by hand (tests) may leave it out; `compileDecisionCatalog` always sets it.
   */
  readonly targetRuleSetsByEventType?: ReadonlyMap<string, ProfileRuleSet>;
  /** Touchpoint id → `live` cases with a strategy there, for inbound decisions without an event. */
  readonly casesByTouchpoint: ReadonlyMap<string, CompiledCase[]>;
  /** Event type → the real-time tags it sets. */
  readonly realtimeTagTriggers: ReadonlyMap<string, CompiledRealtimeTagTrigger[]>;
}
