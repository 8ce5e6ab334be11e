import { randomUUID } from 'node:crypto';
import type { FieldIssue } from '@omnitouch/core';
import type { ProfileChange } from '../../runtime/decision-runtime';
import type { SegmentCallType, SegmentMessage } from './segment.schema';
import { parseIsoDate, resolveSegmentTimestamp } from './segment-timestamp';

/** A Segment call turned into what the runtime takes; `path` maps issues back to the request. */
export interface SegmentTranslation {
  readonly events: unknown[];
  /** Per event: the request path of its message (`/batch/3`). */
  readonly eventPaths: string[];
  readonly profileChanges: ProfileChange[];
  readonly profilePaths: string[];
  /** page, screen, group and alias calls: answered and counted, not decided on. */
  readonly ignored: Partial<Record<SegmentCallType, number>>;
  readonly issues: FieldIssue[];
}

export interface SegmentTranslationContext {
  readonly receivedAt: number;
  /** The batch's `sentAt`, used for messages without their own. */
  readonly sentAt?: string;
  /** Attribute ids of the catalog: traits named like one become attribute values. */
  readonly attributeIds: ReadonlySet<string>;
}

/**
 * Translates Segment messages: `track` → a `CustomerEvent` (`messageId` → `eventId`, `userId` or
 * `anonymousId` → `customerId`, `event` → event type id, `properties` as is), `identify` → a
 * `ProfileChange` (traits named like an attribute; a `tags` object or array of static tag ids;
 * `unsubscribed`). Other traits are ignored, as destinations ignore traits they do not map.
 */
export function translateSegmentMessages(
  messages: readonly { message: SegmentMessage; path: string }[],
  context: SegmentTranslationContext,
): SegmentTranslation {
  const out: SegmentTranslation = {
    events: [],
    eventPaths: [],
    profileChanges: [],
    profilePaths: [],
    ignored: {},
    issues: [],
  };
  for (const { message, path } of messages) {
    const customerId = message.userId ?? message.anonymousId;
    if (customerId === undefined && (message.type === 'track' || message.type === 'identify')) {
      out.issues.push({ field: `${path}/userId`, reason: 'userId or anonymousId is required' });
      continue;
    }
    switch (message.type) {
      case 'track':
        translateTrack(message, path, customerId ?? '', context, out);
        break;
      case 'identify':
        out.profileChanges.push(toProfileChange(customerId ?? '', message.traits ?? {}, context));
        out.profilePaths.push(path);
        break;
      case 'page':
      case 'screen':
      case 'group':
      case 'alias':
        out.ignored[message.type] = (out.ignored[message.type] ?? 0) + 1;
        break;
      default: {
        const unknownType: never = message.type;
        out.issues.push({ field: `${path}/type`, reason: `unknown call ${String(unknownType)}` });
      }
    }
  }
  return out;
}

function translateTrack(
  message: SegmentMessage,
  path: string,
  customerId: string,
  context: SegmentTranslationContext,
  out: SegmentTranslation,
): void {
  if (message.event === undefined) {
    out.issues.push({ field: `${path}/event`, reason: 'is required for a track call' });
    return;
  }
  const timestampField = message.timestamp === undefined ? 'originalTimestamp' : 'timestamp';
  const sentAt = message.sentAt ?? context.sentAt;
  if (sentAt !== undefined && parseIsoDate(sentAt) === undefined) {
    out.issues.push({ field: `${path}/sentAt`, reason: 'must be an ISO-8601 date-time' });
    return;
  }
  const occurredAt = resolveSegmentTimestamp(
    message.timestamp ?? message.originalTimestamp,
    sentAt,
    context.receivedAt,
  );
  if (occurredAt === undefined) {
    out.issues.push({
      field: `${path}/${timestampField}`,
      reason: 'must be an ISO-8601 date-time',
    });
    return;
  }
  out.events.push({
    eventId: message.messageId ?? randomUUID(),
    customerId,
    type: toEventTypeId(message.event),
    occurredAt,
    properties: message.properties ?? {},
  });
  out.eventPaths.push(path);
}

/** `Offer Received` → `offer-received`: Segment event names as catalog ids (kebab-case). */
export function toEventTypeId(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function toProfileChange(
  customerId: string,
  traits: Record<string, unknown>,
  context: SegmentTranslationContext,
): ProfileChange {
  const attributes: Record<string, number | string | null> = {};
  for (const [name, value] of Object.entries(traits)) {
    if (context.attributeIds.has(name)) {
      // Wrong types pass through on purpose: the runtime's check names them.
      attributes[name] = value as number | string | null;
    }
  }
  const tags = toTags(traits.tags);
  const unsubscribed = traits.unsubscribed;
  return {
    customerId,
    ...(Object.keys(attributes).length > 0 && { attributes }),
    ...(tags && { tags }),
    ...(typeof unsubscribed === 'boolean' && { consent: { unsubscribed } }),
  };
}

function toTags(value: unknown): Record<string, boolean> | undefined {
  if (Array.isArray(value)) {
    return Object.fromEntries(value.map((id) => [String(id), true]));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([id, on]) => [id, on === true]));
  }
  return undefined;
}
