import type { FieldIssue, Validated } from '@omnitouch/core';
import type { CatalogService } from '../../catalog/catalog-service';
import type { Metrics } from '../../metrics';
import type { DecisionRuntime } from '../../runtime/decision-runtime';
import type { SegmentMessage, SegmentReply } from './segment.schema';
import { translateSegmentMessages } from './segment-translation';

/** Names of the runtime's event fields in a Segment message. */
const eventFieldNames: Readonly<Record<string, string>> = {
  eventId: 'messageId',
  customerId: 'userId',
  type: 'event',
  occurredAt: 'timestamp',
};
const profileFieldNames: Readonly<Record<string, string>> = {
  customerId: 'userId',
  attributes: 'traits',
  tags: 'traits/tags',
};

export interface SegmentIngestDeps {
  readonly runtime: Pick<
    DecisionRuntime,
    'ingest' | 'applyProfileChanges' | 'checkEvents' | 'checkProfileChanges'
  >;
  readonly catalog: Pick<CatalogService, 'snapshot'>;
  readonly metrics: Metrics;
  readonly now: () => number;
}

type TagCatalog = ReturnType<SegmentIngestDeps['catalog']['snapshot']>['tagCatalog'];

/** The attribute ids of each tag catalog seen, built once per catalog version, not per request. */
const attributeIdSets = new WeakMap<TagCatalog, ReadonlySet<string>>();

function attributeIdsOf(tagCatalog: TagCatalog): ReadonlySet<string> {
  let ids = attributeIdSets.get(tagCatalog);
  if (ids === undefined) {
    ids = new Set(tagCatalog.attributes.map((attribute) => attribute.id));
    attributeIdSets.set(tagCatalog, ids);
  }
  return ids;
}

/**
 * Applies Segment messages all or nothing: translate, check every event and profile change, then
 * apply identifies and ingest tracks. Issues are request paths (`/batch/3/event`).
 */
export async function ingestSegmentMessages(
  messages: readonly { message: SegmentMessage; path: string }[],
  sentAt: string | undefined,
  deps: SegmentIngestDeps,
): Promise<Validated<SegmentReply>> {
  const attributeIds = attributeIdsOf(deps.catalog.snapshot().tagCatalog);
  const translated = translateSegmentMessages(messages, {
    receivedAt: deps.now(),
    attributeIds,
    ...(sentAt !== undefined && { sentAt }),
  });
  const issues: FieldIssue[] = [
    ...translated.issues,
    ...relocate(
      deps.runtime.checkProfileChanges(translated.profileChanges),
      translated.profilePaths,
      profileFieldNames,
    ),
    ...relocate(
      deps.runtime.checkEvents(translated.events),
      translated.eventPaths,
      eventFieldNames,
    ),
  ];
  if (issues.length > 0) {
    return { ok: false, issues: sortByPath(issues) };
  }
  if (translated.profileChanges.length > 0) {
    deps.runtime.applyProfileChanges(translated.profileChanges);
  }
  const receipt = await deps.runtime.ingest(translated.events);
  if (!receipt.ok) {
    // The catalog changed between the check and the ingest: report as if checked then.
    return { ok: false, issues: relocate(receipt.issues, translated.eventPaths, eventFieldNames) };
  }
  let ignored = 0;
  for (const [type, count] of Object.entries(translated.ignored)) {
    deps.metrics.eventsIngested.inc({ source: `segment-${type}` }, count);
    ignored += count;
  }
  deps.metrics.eventsIngested.inc({ source: 'segment' }, receipt.value.accepted);
  return {
    ok: true,
    value: {
      success: true,
      accepted: receipt.value.accepted,
      duplicates: receipt.value.duplicates,
      profiles: translated.profileChanges.length,
      ignored,
    },
  };
}

/** `/3/properties/x` of the runtime's batch → `/batch/7/properties/x` of the request. */
function relocate(
  issues: readonly FieldIssue[],
  paths: readonly string[],
  fieldNames: Readonly<Record<string, string>>,
): FieldIssue[] {
  return issues.map((issue) => {
    const match = /^\/(\d+)(?:\/([^/]*))?(.*)$/.exec(issue.field);
    const path = match === null ? undefined : paths[Number(match[1])];
    if (match === null || path === undefined) {
      return issue;
    }
    const head = match[2] === undefined ? '' : `/${fieldNames[match[2]] ?? match[2]}`;
    return { field: `${path}${head}${match[3] ?? ''}`, reason: issue.reason };
  });
}

function sortByPath(issues: FieldIssue[]): FieldIssue[] {
  const index = (field: string) => Number(/^\/(?:batch\/)?(\d+)/.exec(field)?.[1] ?? -1);
  return issues.sort((a, b) => index(a.field) - index(b.field));
}
