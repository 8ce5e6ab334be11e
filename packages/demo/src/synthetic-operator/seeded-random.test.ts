import { describe, expect, it } from 'vitest';
import { createSeededRandom, deriveSeed } from './seeded-random';

const draw = (seed: number, n: number) => {
  const random = createSeededRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe(createSeededRandom.name, () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draw(7, 50)).toEqual(draw(7, 50));
  });

  it('gives a different sequence for another seed', () => {
    expect(draw(7, 50)).not.toEqual(draw(8, 50));
  });

  it('keeps draws in [0, 1) and integers within their inclusive bounds', () => {
    const random = createSeededRandom(1);
    const ints = Array.from({ length: 2000 }, () => random.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    expect(draw(1, 2000).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('samples distinct items', () => {
    const sample = createSeededRandom(3).sample(['a', 'b', 'c', 'd', 'e'], 4);
    expect(new Set(sample).size).toBe(4);
  });
});

describe(deriveSeed.name, () => {
  it('derives stable, label-specific seeds', () => {
    expect(deriveSeed(42, 'cases')).toBe(deriveSeed(42, 'cases'));
    expect(deriveSeed(42, 'cases')).not.toBe(deriveSeed(42, 'events'));
    expect(deriveSeed(42, 'cases')).not.toBe(deriveSeed(43, 'cases'));
  });
});
