import { createDecisionEngine } from '@omnitouch/engine';
import { InMemoryOfferStore, InMemoryOutcomeStore, InMemoryProfileStore } from '@omnitouch/testkit';
import { describe, expect, it } from 'vitest';
import { engineVariants, type EngineVariant } from './engine-variants';
import { medianRatio, runPipelineAb, type PipelineAbOptions } from './pipeline-ab-run';

const small: PipelineAbOptions = {
  a: 'baseline',
  b: 'baseline',
  customers: 2_000,
  rounds: 2,
  pass: 1_000,
  warmup: 1_000,
  buildFirst: 'a',
};

/** The engine without a scheduled-delivery store: it cannot defer, so it acts differently. */
const withoutDeferrals: EngineVariant = {
  description: 'no scheduled-delivery store',
  createProfileStore: () => new InMemoryProfileStore(),
  createEngine: (profiles, catalog, clock) =>
    createDecisionEngine({
      profiles,
      offers: new InMemoryOfferStore(),
      outcomes: new InMemoryOutcomeStore(),
      clock,
      catalog,
    }),
};

describe('medianRatio', () => {
  it.each([
    [[1.2], 1.2],
    [[0.9, 1.3, 1.1], 1.1],
    [[0.5, 2], 1],
    [[2, 0.5, 1.5, 0.9], Math.sqrt(1.5 * 0.9)],
  ])('of %j is %d', (ratios, expected) => {
    expect(medianRatio(ratios)).toBeCloseTo(expected, 12);
  });
});

describe('runPipelineAb', () => {
  it('finds the same actions when both sides are the same wiring, with a ratio per round', () => {
    const lines: string[] = [];
    const result = runPipelineAb(small, engineVariants, (line) => lines.push(line));
    expect(result.actionsDiffer).toBe(false);
    expect(result.ratios).toHaveLength(2);
    expect(result.ratios.every((ratio) => Number.isFinite(ratio) && ratio > 0)).toBe(true);
    expect(lines[0]).toContain('A = baseline, B = baseline');
    expect(lines.at(-1)).toMatch(/^median B\/A \d+\.\d{3}/);
  });

  it('builds either side first and still compares A with B', () => {
    const lines: string[] = [];
    runPipelineAb({ ...small, buildFirst: 'b' }, engineVariants, (line) => lines.push(line));
    expect(lines[0]).toContain('B built first');
  });

  it('reports a variant that decides differently', () => {
    const result = runPipelineAb(
      { ...small, b: 'without-deferrals' },
      { ...engineVariants, 'without-deferrals': withoutDeferrals },
      () => undefined,
    );
    expect(result.actionsDiffer).toBe(true);
  });

  it('rejects an unknown variant by name', () => {
    expect(() => runPipelineAb({ ...small, b: 'nope' }, engineVariants, () => undefined)).toThrow(
      'unknown variant "nope"',
    );
  });
});
