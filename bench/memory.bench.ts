import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { BenchScenario } from './harness';
import type { MemoryProbeResult } from './memory-probe';

/** The memory budget per customer the issue sets: 1 KiB, so 10 M customers fit in ~10 GB. */
const targetBytesPerCustomer = '≤ 1024';

/**
 * Loads 1 M (quick: 100 k) synthetic profiles (1,200 tags, 18 attributes each) into the
 * `InMemoryProfileStore` and reports the resident memory per customer. The measurement runs in a
 * child process started with `--expose-gc`, so it can collect garbage before and after, and so
 * the heap is not one that an earlier scenario already grew (which would hide the RSS growth).
 */
const memory: BenchScenario = {
  name: 'memory',
  description: 'resident bytes per customer profile in the in-memory profile store',
  run(context) {
    const customers = context.quick ? 100_000 : 1_000_000;
    const probe = join(import.meta.dirname, 'memory-probe.ts');
    const output = execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', probe, String(customers)],
      {
        encoding: 'utf8',
        maxBuffer: 1024 * 1024,
      },
    );
    const result = JSON.parse(output.trim().split('\n').pop() ?? '{}') as MemoryProbeResult;
    context.log(
      `loaded ${customers.toLocaleString('en-US')} profiles in ${Math.round(result.loadMs)} ms (child process, --expose-gc)`,
    );
    context.log(
      `arrayBuffers delta ${Math.round(result.arrayBuffersBytes / customers)} B/customer (already inside external)`,
    );
    context.record({
      name: 'RSS delta per customer',
      value: result.rssBytes / customers,
      unit: 'B',
      target: targetBytesPerCustomer,
    });
    context.record({
      name: 'heapUsed + external delta per customer',
      value: (result.heapUsedBytes + result.externalBytes) / customers,
      unit: 'B',
      target: targetBytesPerCustomer,
    });
  },
};

export default memory;
