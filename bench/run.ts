import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { runScenario, type BenchScenario } from './harness';

/** `npm run bench [scenario…] [--quick]`: runs the named scenarios (all when none is named). */
async function main(argv: readonly string[]): Promise<void> {
  const quick = argv.includes('--quick');
  const wanted = argv.filter((a) => !a.startsWith('--'));
  const available = readdirSync(import.meta.dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.replace(/\.bench\.ts$/, ''))
    .sort();
  const unknown = wanted.filter((w) => !available.includes(w));
  if (unknown.length > 0) {
    console.error(`unknown scenario(s): ${unknown.join(', ')}; available: ${available.join(', ')}`);
    process.exitCode = 2;
    return;
  }
  for (const name of wanted.length > 0 ? wanted : available) {
    const module = (await import(
      pathToFileURL(join(import.meta.dirname, `${name}.bench.ts`)).href
    )) as {
      default: BenchScenario;
    };
    await runScenario(module.default, quick);
  }
}

await main(process.argv.slice(2));
