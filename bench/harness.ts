import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

/** One measured figure. `ratio` is ours ÷ the peer's (higher is better unless the unit says otherwise). */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly peer?: string;
  readonly ratio?: number;
  /** Target the issue sets, printed beside the figure, e.g. '≥ 200000'. */
  readonly target?: string;
}

export interface BenchContext {
  /** Reduced sizes (e.g. 100k customers) so the whole bench smoke-runs in under a minute. */
  readonly quick: boolean;
  record(figure: Figure): void;
  log(message: string): void;
}

/** A bench scenario: `bench/<name>.bench.ts` default-exports one. */
export interface BenchScenario {
  readonly name: string;
  readonly description: string;
  run(context: BenchContext): Promise<void> | void;
}

const resultsDir = join(import.meta.dirname, 'results');

/** Runs one scenario, prints its figures as a table and writes `bench/results/<scenario>.jsonl`. */
export async function runScenario(scenario: BenchScenario, quick: boolean): Promise<Figure[]> {
  const figures: Figure[] = [];
  const file = join(resultsDir, `${scenario.name}.jsonl`);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(file, '');
  const machine = {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    date: new Date().toISOString(),
  };
  const context: BenchContext = {
    quick,
    record(figure) {
      figures.push(figure);
      appendFileSync(
        file,
        JSON.stringify({ scenario: scenario.name, ...figure, ...machine }) + '\n',
      );
    },
    log(message) {
      console.log(`  · ${message}`);
    },
  };
  console.log(`\n▶ ${scenario.name} — ${scenario.description}${quick ? ' (quick)' : ''}`);
  await scenario.run(context);
  printTable(figures);
  return figures;
}

function printTable(figures: readonly Figure[]): void {
  const rows = figures.map((f) => [
    f.name,
    formatNumber(f.value),
    f.unit,
    f.peer ?? '',
    f.ratio === undefined ? '' : `${formatNumber(f.ratio)}×`,
    f.target ?? '',
  ]);
  const header = ['figure', 'value', 'unit', 'peer', 'ratio', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) {
    console.log(line(row));
  }
}

function formatNumber(value: number): string {
  if (Math.abs(value) >= 100) {
    return Math.round(value).toLocaleString('en-US');
  }
  return value.toPrecision(3);
}

/** Percentile (0–100) of an unsorted sample, nearest-rank. */
export function percentile(sample: readonly number[], p: number): number {
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
