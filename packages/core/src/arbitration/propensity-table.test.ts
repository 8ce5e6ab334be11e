import { describe, expect, it } from 'vitest';
import { createPropensityTable, propensityOf, recordTrial } from './propensity-table';

describe(propensityOf.name, () => {
  it('starts every pair at the prior mean', () => {
    const table = createPropensityTable({ alpha: 1, beta: 19 });
    expect(propensityOf(table, 'data-pack', 'sms')).toBeCloseTo(0.05, 12);
  });

  it.each([
    [0, 0, 1 / 20],
    [1, 1, 2 / 21],
    [0, 10, 1 / 30],
    [5, 10, 6 / 30],
    [80, 80, 81 / 100],
  ])('after %i successes in %i trials is the posterior mean', (successes, trials, expected) => {
    const table = createPropensityTable({ alpha: 1, beta: 19 });
    for (let i = 0; i < trials; i++) {
      recordTrial(table, 'data-pack', 'sms', i < successes);
    }
    expect(propensityOf(table, 'data-pack', 'sms')).toBeCloseTo(expected, 12);
  });

  it('learns per case and touchpoint separately', () => {
    const table = createPropensityTable({ alpha: 1, beta: 1 });
    recordTrial(table, 'data-pack', 'sms', true);
    recordTrial(table, 'data-pack', 'app', false);
    expect(propensityOf(table, 'data-pack', 'sms')).toBeCloseTo(2 / 3, 12);
    expect(propensityOf(table, 'data-pack', 'app')).toBeCloseTo(1 / 3, 12);
    expect(propensityOf(table, 'roaming', 'sms')).toBeCloseTo(1 / 2, 12);
  });
});

describe(createPropensityTable.name, () => {
  it.each([
    [0, 19],
    [1, -1],
    [Number.NaN, 1],
    [Number.POSITIVE_INFINITY, 1],
  ])('refuses the improper prior alpha=%d beta=%d', (alpha, beta) => {
    expect(() => createPropensityTable({ alpha, beta })).toThrow(RangeError);
  });
});
