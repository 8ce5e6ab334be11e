import type {
  CatalogSnapshot,
  CustomerEvent,
  CustomerEventType,
  EventPropertyDefinition,
} from '@omnitouch/core';
import { drawPropertyValue } from './event-property-hint';
import { operatorEventTypeRows } from './operator-event-types';
import { customerIdAt } from './operator-population';
import {
  createSeededRandom,
  cumulativeWeights,
  deriveSeed,
  pickWeighted,
  type SeededRandom,
} from './seeded-random';

const rowsById = new Map(operatorEventTypeRows.map((row) => [row.id, row]));

/** What `generateEventStream` streams, for whom, from when and how densely. */
export interface EventStreamOptions {
  readonly seed: number;
  readonly catalog: CatalogSnapshot;
  /** Events go to customers `customerIdAt(0 … customers - 1)`. */
  readonly customers: number;
  /** `occurredAt` of the first event, epoch ms. */
  readonly startAt: number;
  /** Events per second of stream time: event `i` occurs at `startAt + i × 1000 / eventsPerSecond`. */
  readonly eventsPerSecond: number;
  /** Stop after this many events; endless when absent. */
  readonly count?: number;
}

/**
 * A stream of valid `CustomerEvent`s: usage and billing events dominate, in-contact events (store
 * visit, hotline call, app session) are rarer; a hot 5 % of customers makes 30 % of the events.
 * Properties follow each type's schema (required ones always, optional ones 80 % of the time).
 * Deterministic for a seed; lazily generated, so it may be endless.
 */
export function* generateEventStream(
  options: EventStreamOptions,
): Generator<CustomerEvent, void, undefined> {
  const { catalog, customers, startAt, eventsPerSecond } = options;
  const types = catalog.eventTypes;
  const cumulative = cumulativeWeights(types.map((t) => rowsById.get(t.id)?.weight ?? 0.5));
  const hotCustomers = Math.max(1, Math.floor(customers / 20));
  const random = createSeededRandom(deriveSeed(options.seed, 'events'));
  const count = options.count ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const type = types[pickWeighted(cumulative, random)];
    if (type === undefined) {
      return; // a catalog without event types has nothing to stream
    }
    const index = random.chance(0.3)
      ? random.int(0, hotCustomers - 1) * 20
      : random.int(0, customers - 1);
    yield {
      eventId: `evt-${String(i).padStart(9, '0')}`,
      customerId: customerIdAt(Math.min(index, customers - 1)),
      type: type.id,
      occurredAt: startAt + Math.floor((i * 1000) / eventsPerSecond),
      properties: drawProperties(type, random, startAt),
    };
  }
}

function drawProperties(
  type: CustomerEventType,
  random: SeededRandom,
  now: number,
): CustomerEvent['properties'] {
  const hints = rowsById.get(type.id)?.properties;
  const properties: CustomerEvent['properties'] = {};
  for (const [name, definition] of Object.entries(type.properties)) {
    if (definition.required !== true && random.chance(0.2)) {
      continue;
    }
    const hint = hints?.[name];
    properties[name] =
      hint === undefined
        ? drawFromDefinition(definition, random, now)
        : drawPropertyValue(hint, random);
  }
  return properties;
}

/** For event types outside the reference table: any value the schema accepts. */
function drawFromDefinition(
  definition: EventPropertyDefinition,
  random: SeededRandom,
  now: number,
): string | number | boolean {
  switch (definition.type) {
    case 'number':
      return random.int(0, 100);
    case 'string':
      return `v${random.int(0, 9999)}`;
    case 'boolean':
      return random.chance(0.5);
    case 'enum':
      return random.pick(definition.values ?? ['unknown']);
    case 'date':
      return now - random.int(0, 30) * 86_400_000;
    default: {
      const unreachable: never = definition.type;
      throw new Error(`unknown property type ${String(unreachable)}`);
    }
  }
}
