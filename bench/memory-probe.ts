/**
 * Child process of `memory.bench.ts`: started as `node --expose-gc --import tsx memory-probe.ts
 * <customers>` so that the measurement has `gc()` and a clean heap that no earlier scenario grew.
 * Prints one JSON line: the memory deltas of loading the profiles into an `InMemoryProfileStore`.
 */
import { compileDecisionCatalog } from '@omnitouch/core';
import { generateOperatorCatalog, generatePopulation } from '@omnitouch/demo';
import { InMemoryProfileStore } from '@omnitouch/testkit';

/** What the probe reports; byte counts are totals for all customers. */
export interface MemoryProbeResult {
  readonly customers: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  /** Includes `arrayBuffers` (Node counts ArrayBuffer memory in `external` too). */
  readonly externalBytes: number;
  readonly arrayBuffersBytes: number;
  readonly loadMs: number;
}

function collectGarbage(): void {
  const gc = globalThis.gc;
  if (gc === undefined) {
    throw new Error('memory-probe needs node --expose-gc');
  }
  // Twice: the first pass can leave objects that only die once their finalizers ran.
  gc();
  gc();
}

function probe(customers: number): MemoryProbeResult {
  const catalog = generateOperatorCatalog({ seed: 1 });
  const compiled = compileDecisionCatalog(catalog);
  if (!compiled.ok) {
    throw new Error(
      `the synthetic catalog does not compile: ${JSON.stringify(compiled.issues[0])}`,
    );
  }
  const store = new InMemoryProfileStore();
  const profiles = generatePopulation({
    seed: 1,
    customers,
    catalog,
    tagIndex: compiled.value.tagIndex,
  });
  collectGarbage();
  const before = process.memoryUsage();
  const started = performance.now();
  for (const profile of profiles) {
    store.put(profile);
  }
  const loadMs = performance.now() - started;
  collectGarbage();
  const after = process.memoryUsage();
  if (store.count() !== customers) {
    throw new Error(`expected ${customers} profiles, the store holds ${store.count()}`);
  }
  return {
    customers,
    rssBytes: after.rss - before.rss,
    heapUsedBytes: after.heapUsed - before.heapUsed,
    externalBytes: after.external - before.external,
    arrayBuffersBytes: after.arrayBuffers - before.arrayBuffers,
    loadMs,
  };
}

const customers = Number(process.argv[2] ?? '1000000');
process.stdout.write(`${JSON.stringify(probe(customers))}\n`);
