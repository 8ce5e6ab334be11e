import { Command, InvalidArgumentError } from 'commander';
import { engineVariants } from './engine-variants';
import { runPipelineAb, type PipelineAbOptions } from './pipeline-ab-run';

/**
 * `npm run bench:ab -- --a baseline --b <variant>`: two engines, each over its own copy of the same
 * synthetic population, fed the same events in alternating passes (A then B, then B then A) in one
 * process. The machine's speed drifts by ±30 % between runs (decision 0008), far more than the
 * effect of one layout step; within one process both variants see the same drift, so the median of
 * the per-round ratios resolves effects of about 10 % (decision 0008 gives its own noise). Both
 * must make the same number of actions.
 */

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed <= 0) {
    throw new InvalidArgumentError('expected a positive integer');
  }
  return parsed;
}

/** The option parser of `--a` and `--b`: a name of `engineVariants`. */
function knownVariant(name: string): string {
  if (!Object.hasOwn(engineVariants, name)) {
    throw new InvalidArgumentError(
      `unknown variant "${name}"; known: ${Object.keys(engineVariants).join(', ')}`,
    );
  }
  return name;
}

function parseOptions(argv: readonly string[]): PipelineAbOptions {
  const command = new Command('pipeline-ab')
    .description('in-process A/B of two engine variants over the same events')
    .option('--a <variant>', 'variant A', knownVariant, 'baseline')
    .option('--b <variant>', 'variant B', knownVariant, 'baseline')
    .option('--customers <n>', 'customers per variant', positiveInteger, 1_000_000)
    .option('--rounds <n>', 'alternating rounds', positiveInteger, 8)
    .option('--pass <n>', 'events per variant per round', positiveInteger, 100_000)
    .option(
      '--warmup <n>',
      'events each variant ingests before the rounds',
      positiveInteger,
      200_000,
    )
    .option(
      '--build-first <side>',
      'which variant builds its population first (a or b); run both ways to cancel any placement bias',
      (value: string) => {
        if (value !== 'a' && value !== 'b') {
          throw new InvalidArgumentError('expected a or b');
        }
        return value;
      },
      'a',
    )
    .parse(argv, { from: 'user' });
  return command.opts<PipelineAbOptions>();
}

const result = runPipelineAb(parseOptions(process.argv.slice(2)), engineVariants, (line) =>
  console.log(line),
);
if (result.actionsDiffer) {
  console.error('the variants made different actions: B is not the same pipeline as A');
  process.exitCode = 1;
}
