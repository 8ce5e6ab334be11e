import {
  createCustomerProfile,
  setStaticTag,
  type AttributeValue,
  type Consent,
  type TagIndex,
} from '@omnitouch/core';
import type { ProfileStore } from '@omnitouch/engine';

/** A profile as a scenario table states it: static tags by id rather than bits. */
export interface ScenarioProfile {
  readonly customerId?: string;
  readonly tags?: readonly string[];
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
  readonly consent?: Consent;
  readonly utcOffsetMinutes?: number;
}

/** Builds the profile (`customer-1` by default) under `tagIndex` and puts it in `store`. */
export function storeScenarioProfile(
  store: ProfileStore,
  scenario: ScenarioProfile,
  tagIndex: TagIndex,
): void {
  const profile = createCustomerProfile(scenario.customerId ?? 'customer-1', tagIndex);
  for (const tagId of scenario.tags ?? []) {
    const bit = tagIndex.staticBits.get(tagId);
    if (bit === undefined) {
      throw new Error(`scenario profile names unknown static tag ${tagId}`);
    }
    setStaticTag(profile, bit, true);
  }
  Object.assign(profile.attributes, scenario.attributes);
  if (scenario.consent !== undefined) {
    profile.consent = structuredClone(scenario.consent);
  }
  if (scenario.utcOffsetMinutes !== undefined) {
    profile.utcOffsetMinutes = scenario.utcOffsetMinutes;
  }
  store.put(profile);
}
