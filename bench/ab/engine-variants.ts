import type { DecisionCatalog } from '@omnitouch/core';
import { createInMemoryEngine } from '@omnitouch/demo';
import type { DecisionEngine, ProfileStore } from '@omnitouch/engine';
import { FakeClock, InMemoryProfileStore } from '@omnitouch/testkit';

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
 * being built, is measured against `baseline`, and replaces `baseline` when it lands.
 */
export const engineVariants: Readonly<Record<string, EngineVariant>> = {
  baseline: {
    description:
      'the pipeline bench wiring: testkit in-memory stores, object-per-customer profiles',
    createProfileStore: () => new InMemoryProfileStore(),
    createEngine: (profiles, catalog, clock) => {
      if (!(profiles instanceof InMemoryProfileStore)) {
        throw new TypeError('the baseline variant runs over an InMemoryProfileStore');
      }
      return createInMemoryEngine(profiles, catalog, clock);
    },
  },
};
