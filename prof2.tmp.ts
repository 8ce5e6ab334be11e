import { buildPipelineFixture } from './bench/pipeline-fixture';
const f = buildPipelineFixture(100_000, 300_000, 200_000);
let t0 = performance.now();
let n = 0;
for (const e of f.events) { f.clock.set(e.occurredAt); f.engine.ingest(e); n++; if (n % 50000 === 0) { console.log(n, Math.round(50000 / (performance.now() - t0) * 1000), 'ev/s', Math.round(process.memoryUsage().heapUsed/1e6), 'MB'); t0 = performance.now(); } }
