import type { EventPropertyDefinition } from '@omnitouch/core';
import type { SeededRandom } from './seeded-random';

/** A property of a synthetic event type: its schema plus how to draw a realistic value. */
export type PropertyHint =
  | {
      readonly type: 'number';
      readonly required: boolean;
      readonly min: number;
      readonly max: number;
      readonly integer: boolean;
    }
  | { readonly type: 'enum'; readonly required: boolean; readonly values: readonly string[] }
  | { readonly type: 'string'; readonly required: boolean; readonly prefix: string }
  | { readonly type: 'boolean'; readonly required: boolean; readonly likelihood: number };

/** A required integer property drawn uniformly from [min, max]. */
export const int = (min: number, max: number): PropertyHint => ({
  type: 'number',
  required: true,
  min,
  max,
  integer: true,
});

/** A required decimal property (one decimal place) drawn uniformly from [min, max]. */
export const decimal = (min: number, max: number): PropertyHint => ({
  type: 'number',
  required: true,
  min,
  max,
  integer: false,
});

/** A required enum property. */
export const oneOf = (...values: string[]): PropertyHint => ({
  type: 'enum',
  required: true,
  values,
});

/** A required identifier-like string: `prefix` followed by digits. */
export const code = (prefix: string): PropertyHint => ({ type: 'string', required: true, prefix });

/** A required boolean, true with probability `likelihood`. */
export const flag = (likelihood = 0.5): PropertyHint => ({
  type: 'boolean',
  required: true,
  likelihood,
});

/** The same hint but optional: the stream leaves it out now and then. */
export const optional = (hint: PropertyHint): PropertyHint => ({ ...hint, required: false });

/** The catalog's schema for a hinted property. */
export function toPropertyDefinition(hint: PropertyHint): EventPropertyDefinition {
  const base = { type: hint.type, ...(hint.required && { required: true }) };
  return hint.type === 'enum' ? { ...base, values: [...hint.values] } : base;
}

/** A value of the property's type within its hinted range. */
export function drawPropertyValue(
  hint: PropertyHint,
  random: SeededRandom,
): string | number | boolean {
  switch (hint.type) {
    case 'number': {
      const value = hint.min + random.next() * (hint.max - hint.min);
      return hint.integer ? Math.round(value) : Math.round(value * 10) / 10;
    }
    case 'enum':
      return random.pick(hint.values);
    case 'string':
      return `${hint.prefix}${random.int(1000, 9999)}`;
    case 'boolean':
      return random.chance(hint.likelihood);
    default: {
      const unreachable: never = hint;
      throw new Error(`unknown property hint ${JSON.stringify(unreachable)}`);
    }
  }
}
