import { FakeClock } from '@omnitouch/testkit';
import {
  buildOperatorWorkload,
  ingestPass,
  loadPopulation,
  type EngineUnderLoad,
} from '../pipeline-fixture';
import type { EngineVariant } from './engine-variants';

/** What to compare: variant names, sizes, and which variant's population is built first. */
export interface PipelineAbOptions {
  readonly a: string;
  readonly b: string;
  readonly customers: number;
  readonly rounds: number;
  readonly pass: number;
  readonly warmup: number;
  readonly buildFirst: 'a' | 'b';
}

/** The per-round ratios B/A, their median, and whether the variants ever disagreed on actions. */
export interface PipelineAbResult {
  readonly ratios: readonly number[];
  readonly median: number;
  readonly actionsDiffer: boolean;
}

interface Side extends EngineUnderLoad {
  readonly name: string;
  readonly description: string;
}

/** The middle ratio, or the geometric mean of the two middle ones for an even count. */
export function medianRatio(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const upper = sorted[Math.floor(sorted.length / 2)] as number;
  if (sorted.length % 2 === 1) {
    return upper;
  }
  return Math.sqrt(upper * (sorted[sorted.length / 2 - 1] as number));
}

/**
 * Two engines, each over its own copy of the same synthetic population, fed the same events in
 * alternating passes (A then B, then B then A) in one process; `log` gets a line per round.
 */
export function runPipelineAb(
  options: PipelineAbOptions,
  variants: Readonly<Record<string, EngineVariant>>,
  log: (line: string) => void,
): PipelineAbResult {
  const workload = buildOperatorWorkload(
    options.customers,
    options.warmup + options.rounds * options.pass,
    200_000,
  );
  const names = options.buildFirst === 'a' ? [options.a, options.b] : [options.b, options.a];
  const built = names.map((name): Side => {
    const variant = variants[name];
    if (variant === undefined) {
      throw new RangeError(`unknown variant "${name}"`);
    }
    const profiles = variant.createProfileStore(workload.catalog);
    loadPopulation(profiles, workload);
    const clock = new FakeClock(workload.startAt);
    return {
      name,
      description: variant.description,
      engine: variant.createEngine(profiles, workload.catalog, clock),
      clock,
      events: workload.events,
    };
  }) as [Side, Side];
  const [a, b] = options.buildFirst === 'a' ? built : [built[1], built[0]];
  log(
    `A = ${a.name}, B = ${b.name}; ${options.customers.toLocaleString('en-US')} customers each; ` +
      `${options.rounds} rounds of ${options.pass.toLocaleString('en-US')} events per variant; ` +
      `${options.buildFirst.toUpperCase()} built first`,
  );
  log(`A: ${a.description}`);
  log(`B: ${b.description}`);
  ingestPass(a, 0, options.warmup, Number.POSITIVE_INFINITY);
  ingestPass(b, 0, options.warmup, Number.POSITIVE_INFINITY);
  const ratios: number[] = [];
  let actionsDiffer = false;
  for (let round = 0; round < options.rounds; round++) {
    const from = options.warmup + round * options.pass;
    const to = from + options.pass;
    // Alternate who goes first, so neither always runs right after the other's garbage.
    const [first, second] = round % 2 === 0 ? [a, b] : [b, a];
    const firstResult = ingestPass(first, from, to, Number.POSITIVE_INFINITY);
    const secondResult = ingestPass(second, from, to, Number.POSITIVE_INFINITY);
    const [resultA, resultB] =
      round % 2 === 0 ? [firstResult, secondResult] : [secondResult, firstResult];
    const rateA = resultA.events / resultA.seconds;
    const rateB = resultB.events / resultB.seconds;
    ratios.push(rateB / rateA);
    actionsDiffer ||= resultA.actions !== resultB.actions;
    log(
      `round ${round + 1}: A ${Math.round(rateA).toLocaleString('en-US')}/s ` +
        `(${resultA.actions} actions), B ${Math.round(rateB).toLocaleString('en-US')}/s ` +
        `(${resultB.actions} actions), B/A ${(rateB / rateA).toFixed(3)}`,
    );
  }
  const result = { ratios, median: medianRatio(ratios), actionsDiffer };
  log(
    `median B/A ${result.median.toFixed(3)} (range ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`,
  );
  return result;
}
