import { describe, expect, it } from 'vitest';
import { defaultDemoOptions, parseDemoOptions } from './demo-options';

describe(parseDemoOptions.name, () => {
  it('uses the defaults without arguments', () => {
    expect(parseDemoOptions([])).toEqual({ options: defaultDemoOptions, issues: [] });
  });

  it.each([
    { argv: ['--seconds', '5'], expected: { seconds: 5 } },
    { argv: ['--customers=1000', '--rate', '500'], expected: { customers: 1000, rate: 500 } },
    { argv: ['--seconds', '0.5', '--seed', '7'], expected: { seconds: 0.5, seed: 7 } },
  ])('reads $argv', ({ argv, expected }) => {
    const { options, issues } = parseDemoOptions(argv);
    expect(issues).toEqual([]);
    expect(options).toEqual({ ...defaultDemoOptions, ...expected });
  });

  it('reports every bad option instead of stopping at the first', () => {
    const { issues } = parseDemoOptions(['--seconds', 'soon', '--colour', '--customers', '-3']);
    expect(issues).toEqual([
      '--seconds needs a positive number, got soon',
      'unknown option --colour',
      '--customers needs a positive number, got -3',
    ]);
  });

  it('treats --help as a request for the usage text', () => {
    expect(parseDemoOptions(['--help']).issues).toEqual(['help']);
  });
});
