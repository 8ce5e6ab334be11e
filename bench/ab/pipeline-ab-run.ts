import { compileDecisionCatalog, type CustomerEvent } from '@omnitouch/core';
import {
  generateEventStream,
  generateOperatorCatalog,
  generatePopulation,
  operatorReferenceTime,
} from '@omnitouch/demo';
import type { DecisionEngine } from '@omnitouch/engine';
import { FakeClock } from '@omnitouch/testkit';
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

interface Side {
  readonly name: string;
  readonly description: string;
  readonly engine: DecisionEngine;
  readonly clock: FakeClock;
}

interface PassResult {
  readonly eventsPerSecond: number;
  readonly actions: number;
}

function ingestPass(
  side: Side,
  events: readonly CustomerEvent[],
  from: number,
  to: number,
): PassResult {
  const { engine, clock } = side;
  let actions = 0;
  const started = performance.now();
  for (let i = from; i < to; i++) {
    const event = events[i] as CustomerEvent;
    clock.set(event.occurredAt);
    const decision = engine.ingest(event);
    if (decision.ok) {
      actions += decision.value.actions.length;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { eventsPerSecond: (to - from) / seconds, actions };
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
  const snapshot = generateOperatorCatalog({ seed: 2026 });
  const compiled = compileDecisionCatalog(snapshot);
  if (!compiled.ok) {
    throw new Error(`the synthetic catalog does not compile: ${JSON.stringify(compiled.issues)}`);
  }
  const catalog = compiled.value;
  // 10:00 local time, as in the pipeline bench: the daytime path.
  const startAt = operatorReferenceTime + 10 * 3_600_000;
  const events = [
    ...generateEventStream({
      seed: 2026,
      catalog: snapshot,
      customers: options.customers,
      startAt,
      eventsPerSecond: 200_000,
      count: options.warmup + options.rounds * options.pass,
    }),
  ];
  const names = options.buildFirst === 'a' ? [options.a, options.b] : [options.b, options.a];
  const built = names.map((name): Side => {
    const variant = variants[name];
    if (variant === undefined) {
      throw new RangeError(`unknown variant "${name}"`);
    }
    const profiles = variant.createProfileStore(catalog);
    const population = generatePopulation({
      seed: 2026,
      customers: options.customers,
      catalog: snapshot,
      tagIndex: catalog.tagIndex,
    });
    for (const profile of population) {
      profiles.put(profile);
    }
    const clock = new FakeClock(startAt);
    return {
      name,
      description: variant.description,
      engine: variant.createEngine(profiles, catalog, clock),
      clock,
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
  ingestPass(a, events, 0, options.warmup);
  ingestPass(b, events, 0, options.warmup);
  const ratios: number[] = [];
  let actionsDiffer = false;
  for (let round = 0; round < options.rounds; round++) {
    const from = options.warmup + round * options.pass;
    const to = from + options.pass;
    // Alternate who goes first, so neither always runs right after the other's garbage.
    const [first, second] = round % 2 === 0 ? [a, b] : [b, a];
    const firstResult = ingestPass(first, events, from, to);
    const secondResult = ingestPass(second, events, from, to);
    const [resultA, resultB] =
      round % 2 === 0 ? [firstResult, secondResult] : [secondResult, firstResult];
    ratios.push(resultB.eventsPerSecond / resultA.eventsPerSecond);
    actionsDiffer ||= resultA.actions !== resultB.actions;
    log(
      `round ${round + 1}: A ${Math.round(resultA.eventsPerSecond).toLocaleString('en-US')}/s ` +
        `(${resultA.actions} actions), B ${Math.round(resultB.eventsPerSecond).toLocaleString('en-US')}/s ` +
        `(${resultB.actions} actions), B/A ${(resultB.eventsPerSecond / resultA.eventsPerSecond).toFixed(3)}`,
    );
  }
  const result = { ratios, median: medianRatio(ratios), actionsDiffer };
  log(
    `median B/A ${result.median.toFixed(3)} (range ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`,
  );
  return result;
}
