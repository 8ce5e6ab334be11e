import type { DecisionCatalog } from '@omnitouch/core';
import { createInMemoryEngine } from '@omnitouch/demo';
import type { DecisionEngine, ProfileStore } from '@omnitouch/engine';
import { FakeClock, InMemoryProfileStore } from '@omnitouch/testkit';
import { MapProfileStore } from './map-profile-store';

/**
 * One way of wiring the engine that the A/B harness can compare with another: its profile store
 * (loaded by the harness with the same population as every other variant) and the engine over it.
 */
export interface EngineVariant {
  readonly description: string;
  createProfileStore(catalog: DecisionCatalog): ProfileStore;
  createEngine(profiles: ProfileStore, catalog: DecisionCatalog, clock: FakeClock): DecisionEngine;
}

/**
 * The variants by name. A step of decision 0008 adds its layout here as a variant while it is
 * being built, is measured against `baseline`, and replaces `baseline` when it lands; the layout
 * it replaced stays as a variant of its own, so the step can be measured again on any machine.
 */
export const engineVariants: Readonly<Record<string, EngineVariant>> = {
  baseline: {
    description: 'the pipeline bench wiring: testkit in-memory stores, profiles by directory index',
    createProfileStore: () => new InMemoryProfileStore(),
    createEngine: (profiles, catalog, clock) => createInMemoryEngine(profiles, catalog, clock),
  },
  'map-profiles': {
    description: 'before 0008 step 1: profiles in one Map by customer id',
    createProfileStore: () => new MapProfileStore(),
    createEngine: (profiles, catalog, clock) => createInMemoryEngine(profiles, catalog, clock),
  },
};
