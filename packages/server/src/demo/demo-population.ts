import {
  buildTagIndex,
  hasStaticTag,
  type CatalogSnapshot,
  type CustomerProfile,
} from '@omnitouch/core';
import { generatePopulation } from '@omnitouch/demo';
import type { DecisionRuntime, ProfileChange } from '../runtime/decision-runtime';

/** Profiles per `applyProfileChanges` transaction while loading the demo population. */
const chunkSize = 1000;

/**
 * Loads `customers` synthetic profiles through the runtime, as a bulk import would: each generated
 * profile becomes a `ProfileChange` (tag ids, attributes, consent), so the runtime maps ids to its
 * own tag bits. Throws when the runtime refuses a change: the generator promised valid data.
 */
export function loadDemoPopulation(
  runtime: Pick<DecisionRuntime, 'applyProfileChanges'>,
  snapshot: CatalogSnapshot,
  options: { readonly seed: number; readonly customers: number; readonly referenceTime: number },
): number {
  const tagIndex = buildTagIndex(snapshot.tagCatalog);
  const staticTags = [...tagIndex.staticBits];
  let chunk: ProfileChange[] = [];
  let loaded = 0;
  const flush = () => {
    const result = runtime.applyProfileChanges(chunk);
    if (!result.ok) {
      throw new Error(`demo population refused: ${JSON.stringify(result.issues.slice(0, 3))}`);
    }
    loaded += result.value.applied;
    chunk = [];
  };
  for (const profile of generatePopulation({ ...options, catalog: snapshot, tagIndex })) {
    chunk.push(toProfileChange(profile, staticTags));
    if (chunk.length >= chunkSize) {
      flush();
    }
  }
  if (chunk.length > 0) {
    flush();
  }
  return loaded;
}

/** A generated profile as the `ProfileChange` that loads it: set tag ids, attributes, consent. */
export function toProfileChange(
  profile: CustomerProfile,
  staticTags: readonly (readonly [string, number])[],
): ProfileChange {
  const tags: Record<string, boolean> = {};
  for (const [id, bit] of staticTags) {
    if (hasStaticTag(profile, bit)) {
      tags[id] = true;
    }
  }
  return {
    customerId: profile.customerId,
    attributes: profile.attributes,
    tags,
    consent: {
      unsubscribed: profile.consent.unsubscribed,
      ...(profile.consent.optedOutMethods && { optedOutMethods: profile.consent.optedOutMethods }),
    },
    ...(profile.utcOffsetMinutes !== undefined && { utcOffsetMinutes: profile.utcOffsetMinutes }),
  };
}
