import {
  buildTagIndex,
  hasRealtimeTag,
  hasStaticTag,
  type CatalogSnapshot,
  type CustomerProfile,
  type TagIndex,
} from '@omnitouch/core';
import type { ProfileStore } from '@omnitouch/engine';
import type { SqliteCustomerHistory, SqliteDecisionJournal } from '@omnitouch/store-sqlite';
import type { CustomerProfileBody, TimelineEntry } from './customers.schema';
import { mergeTimeline } from './customer-timeline';

/** A customer's profile and timeline as the API shows them (tags by id, times epoch ms). */
export interface CustomerView {
  profile(customerId: string, now: number): CustomerProfileBody | undefined;
  /** Newest first, at most `limit`; undefined when nothing at all is known about the customer. */
  timeline(customerId: string, limit: number): readonly TimelineEntry[] | undefined;
}

export interface CustomerViewDeps {
  readonly profiles: Pick<ProfileStore, 'get'>;
  readonly catalog: { snapshot(): CatalogSnapshot };
  readonly journal: Pick<SqliteDecisionJournal, 'listDecisions'>;
  readonly history: Pick<SqliteCustomerHistory, 'listEvents' | 'listOutcomes'>;
  /**
   * The runtime's bit numbering. By default it is rebuilt from the catalog in force, which matches
   * a runtime that compiled that catalog without older bits (a fresh start).
   */
  readonly tagIndex?: () => TagIndex;
}

export function createCustomerView(deps: CustomerViewDeps): CustomerView {
  let cached: { snapshot: CatalogSnapshot; index: TagIndex } | undefined;
  const tagIndex = (): TagIndex => {
    if (deps.tagIndex !== undefined) {
      return deps.tagIndex();
    }
    const snapshot = deps.catalog.snapshot();
    if (cached?.snapshot !== snapshot) {
      cached = { snapshot, index: buildTagIndex(snapshot.tagCatalog) };
    }
    return cached.index;
  };
  return {
    profile(customerId, now) {
      const profile = deps.profiles.get(customerId);
      return profile && presentProfile(profile, tagIndex(), now);
    },
    timeline(customerId, limit) {
      const profile = deps.profiles.get(customerId);
      const entries = mergeTimeline(
        {
          events: deps.history.listEvents(customerId, limit),
          decisions: deps.journal.listDecisions(customerId, limit),
          contacts: profile?.contacts ?? [],
          outcomes: deps.history.listOutcomes(customerId, limit),
        },
        limit,
      );
      return profile === undefined && entries.length === 0 ? undefined : entries;
    },
  };
}

/** The profile with tag bits turned into ids; expired real-time tags are left out. */
export function presentProfile(
  profile: CustomerProfile,
  index: TagIndex,
  now: number,
): CustomerProfileBody {
  const tags = [...index.staticBits]
    .filter(([, bit]) => hasStaticTag(profile, bit))
    .map(([id]) => id);
  const realtimeTags = [...index.realtimeBits]
    .filter(([, bit]) => hasRealtimeTag(profile, bit, now))
    .map(([tagId, bit]) => ({ tagId, expiresAt: realtimeExpiry(profile, bit) }));
  return {
    customerId: profile.customerId,
    tags,
    attributes: { ...profile.attributes },
    realtimeTags,
    consent: {
      unsubscribed: profile.consent.unsubscribed,
      optedOutMethods: [...(profile.consent.optedOutMethods ?? [])],
    },
    eventCounts: presentCounts(profile.eventCounts ?? {}),
    caseContactTotals: { ...profile.caseContactTotals },
    declinedUntil: { ...profile.declinedUntil },
    ...(profile.utcOffsetMinutes !== undefined && { utcOffsetMinutes: profile.utcOffsetMinutes }),
  };
}

function realtimeExpiry(profile: CustomerProfile, bit: number): number {
  const pairs = profile.realtimeTags ?? [];
  let latest = 0;
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    if (pairs[i] === bit) {
      latest = Math.max(latest, pairs[i + 1] ?? 0);
    }
  }
  return latest;
}

const dayMs = 86_400_000;

function presentCounts(
  counts: Readonly<Record<string, number[]>>,
): CustomerProfileBody['eventCounts'] {
  return Object.fromEntries(
    Object.entries(counts).map(([eventType, pairs]) => {
      const days: { date: string; count: number }[] = [];
      for (let i = 0; i + 1 < pairs.length; i += 2) {
        const date = new Date((pairs[i] ?? 0) * dayMs).toISOString().slice(0, 10);
        days.push({ date, count: pairs[i + 1] ?? 0 });
      }
      return [eventType, { total: days.reduce((sum, d) => sum + d.count, 0), days }];
    }),
  );
}
