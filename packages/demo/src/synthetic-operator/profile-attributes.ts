import type { AttributeDefinition, AttributeValue } from '@omnitouch/core';
import { cities, deviceModels, valueSegments } from './operator-attributes';
import { planIds } from './event-type-row';
import type { SeededRandom } from './seeded-random';

const day = 86_400_000;
const arpuBands: readonly (readonly [number, number])[] = [
  [8, 58],
  [58, 98],
  [98, 158],
  [158, 298],
  [298, 899],
];
const plansBySegment: readonly (readonly string[])[] = [
  ['basic-8', 'big-data-19', 'senior-care-18', 'campus-39'],
  ['unlimited-4g-58', 'campus-39', 'big-data-19', '5g-smart-129'],
  ['5g-smart-129', '5g-smart-169', 'unlimited-4g-58'],
  ['5g-smart-169', '5g-smart-239', '5g-family-199'],
  ['5g-smart-239', 'global-pass-399', '5g-family-199'],
];
const brandOfDevice = (model: string): string =>
  model.startsWith('iphone')
    ? 'apple'
    : model.startsWith('mate') || model.startsWith('pura') || model.startsWith('nova')
      ? 'huawei'
      : model.startsWith('xiaomi') || model.startsWith('redmi')
        ? 'xiaomi'
        : (['vivo', 'oppo', 'honor'].find((b) => model.startsWith(b)) ?? 'other');

/** Draws one customer's attribute values; `segment` (0 = mass … 4 = diamond) skews most of them. */
export function drawAttributes(
  definitions: readonly AttributeDefinition[],
  segment: number,
  random: SeededRandom,
  now: number,
): Record<string, AttributeValue> {
  const device = drawDevice(segment, random);
  const values: Record<string, AttributeValue> = {};
  for (const definition of definitions) {
    values[definition.id] =
      drawKnown(definition.id, segment, device, random, now) ?? drawByType(definition, random, now);
  }
  return values;
}

function drawKnown(
  id: string,
  segment: number,
  device: string,
  random: SeededRandom,
  now: number,
): AttributeValue | undefined {
  const u = random.next();
  switch (id) {
    case 'value-segment':
      return valueSegments[segment];
    case 'arpu': {
      const [low, high] = arpuBands[segment] ?? [8, 58];
      return Math.round((low + u * u * (high - low)) * 10) / 10;
    }
    case 'data-used-pct':
      return Math.round(Math.pow(u, 0.8) * 130);
    case 'tenure-months':
      return Math.min(360, 1 + Math.floor(-Math.log(1 - u) * (24 + segment * 14)));
    case 'age':
      return Math.round(16 + (u + random.next() + random.next()) * 22);
    case 'gender':
      return u < 0.5 ? 'female' : 'male';
    case 'city':
      return cities[Math.floor(u * u * cities.length)];
    case 'device':
      return device;
    case 'device-brand':
      return brandOfDevice(device);
    case 'plan':
      return random.pick(plansBySegment[segment] ?? planIds);
    case 'network':
      return u < 0.3 + segment * 0.15 ? '5g' : '4g';
    case 'data-quota-gb':
      return [10, 20, 40, 60, 100][segment];
    case 'voice-minutes':
      return Math.round(u * (200 + segment * 300));
    case 'balance':
      return Math.round(u * u * 300 * 10) / 10;
    case 'points':
      return Math.round(u * 4000 * (segment + 1) * (segment + 1));
    case 'star-level':
      return Math.min(7, Math.max(0, segment + Math.round(u * 3) - 1));
    case 'contract-end':
      return now + Math.round((u * 900 - 180) * day);
    case 'broadband-mbps':
      return u < 0.45 ? 0 : random.pick([100, 300, 500, 1000]);
    default:
      return undefined;
  }
}

function drawDevice(segment: number, random: SeededRandom): string {
  // Higher segments draw from the front (flagships) of the list.
  const skew = Math.pow(random.next(), 1 + segment * 0.6);
  return deviceModels[Math.floor(skew * deviceModels.length)] ?? 'legacy-4g';
}

function drawByType(
  definition: AttributeDefinition,
  random: SeededRandom,
  now: number,
): AttributeValue {
  switch (definition.type) {
    case 'number':
      return random.int(0, 100);
    case 'enum':
      return random.pick(definition.values ?? ['unknown']);
    case 'string':
      return `${definition.id}-${random.int(1, 999)}`;
    case 'date':
      return now - random.int(0, 365) * day;
    default: {
      const unreachable: never = definition.type;
      throw new Error(`unknown attribute type ${String(unreachable)}`);
    }
  }
}
