/**
 * A small seeded PRNG (mulberry32) with the draws the synthetic operator needs. Not
 * cryptographic: it exists so the same seed gives byte-identical catalogs, populations and
 * event streams on every machine, which `Math.random()` cannot.
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items in random order (all of them when `count >= items.length`). */
  sample<T>(items: readonly T[], count: number): T[];
}

/** Creates a generator whose whole sequence is fixed by `seed` (any 32-bit integer). */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      return itemAt(items, Math.floor(next() * items.length));
    },
    sample<T>(items: readonly T[], count: number): T[] {
      const copy = [...items];
      const n = Math.min(count, copy.length);
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (copy.length - i));
        const chosen = itemAt(copy, j);
        copy[j] = itemAt(copy, i);
        copy[i] = chosen;
      }
      return copy.slice(0, n);
    },
  };
}

/**
 * Derives an independent seed for one part of the operator (`'cases'`, `'population'`...) so that,
 * e.g., asking for more customers does not reshuffle the catalog. FNV-1a over the label.
 */
export function deriveSeed(seed: number, label: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193) >>> 0;
  }
  return hash;
}

/** A stable 32-bit hash of a string, for properties that must follow from an id alone. */
export function hashString(text: string): number {
  return deriveSeed(0, text);
}

/** Picks an index with probability proportional to `weights[i]` (cumulative weights given). */
export function pickWeighted(cumulative: readonly number[], random: SeededRandom): number {
  const total = cumulative[cumulative.length - 1] ?? 0;
  const target = random.next() * total;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((cumulative[mid] ?? 0) > target) {
      high = mid;
    } else {
      low = mid + 1;
    }
  }
  return low;
}

/** Running sums of `weights`, for `pickWeighted`. */
export function cumulativeWeights(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) {
    // Callers never pass an empty list; an undefined here is a bug in the generator.
    throw new RangeError(`no item at index ${index} of ${items.length}`);
  }
  return item;
}
