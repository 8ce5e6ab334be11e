/** What `npm start -- …` may set. */
export interface DemoOptions {
  /** Wall-clock seconds to stream for (the simulated day is compressed into them). */
  readonly seconds: number;
  readonly customers: number;
  /** Events the engine ingests per wall-clock second. */
  readonly rate: number;
  readonly seed: number;
}

/** 15 s, 20,000 customers, 2,000 events/s: a minute's reading, a day of a small operator. */
export const defaultDemoOptions: DemoOptions = {
  seconds: 15,
  customers: 20_000,
  rate: 2_000,
  seed: 2026,
};

const flags: Readonly<Record<string, keyof DemoOptions>> = {
  '--seconds': 'seconds',
  '--customers': 'customers',
  '--rate': 'rate',
  '--seed': 'seed',
};

/**
 * Parses `--seconds N --customers N --rate N --seed N` (also `--flag=N`). Returns the issues
 * instead of throwing, so `main` can print them all and exit non-zero; `--help` is an issue too.
 */
export function parseDemoOptions(argv: readonly string[]): {
  options: DemoOptions;
  issues: string[];
} {
  const options: Record<keyof DemoOptions, number> = { ...defaultDemoOptions };
  const issues: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag = '', inline] = (argv[i] ?? '').split('=', 2);
    const key = flags[flag];
    if (key === undefined) {
      issues.push(flag === '--help' || flag === '-h' ? 'help' : `unknown option ${flag}`);
      continue;
    }
    const text = inline ?? argv[++i];
    const value = Number(text);
    if (text === undefined || !Number.isFinite(value) || value <= 0) {
      issues.push(`${flag} needs a positive number, got ${text ?? 'nothing'}`);
    } else {
      options[key] = key === 'seconds' ? value : Math.round(value);
    }
  }
  return { options, issues };
}

/** Printed for `--help` and after a bad option. */
export const demoUsage = `usage: npm start -- [--seconds 15] [--customers 20000] [--rate 2000] [--seed 2026]
  --seconds    how long to stream live events (wall-clock seconds; one simulated day is compressed into them)
  --customers  size of the synthetic customer base
  --rate       events ingested per second
  --seed       seed of the synthetic operator (same seed, same run)`;
