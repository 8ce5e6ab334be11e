import { describe, expect, it } from 'vitest';
import { formatSummary } from './demo-summary';
import { runConsoleDemo, type DemoIo } from './demo-run';

/** A wall clock that only moves when the demo sleeps, so the run takes no real time. */
function fakeIo(stopAfterMs = Number.POSITIVE_INFINITY): DemoIo & { lines: string[] } {
  let now = 0;
  const lines: string[] = [];
  return {
    lines,
    print: (line) => lines.push(line),
    isStopped: () => now >= stopAfterMs,
    sleep: (ms) => {
      now += Math.max(ms, 1);
      return Promise.resolve();
    },
    wallNow: () => now,
  };
}

describe(runConsoleDemo.name, () => {
  it('streams every event of a simulated day through the engine and narrates it in both languages', async () => {
    const io = fakeIo();
    const { tally, operator, wallSeconds } = await runConsoleDemo(
      { seconds: 2, customers: 2000, rate: 3000, seed: 7 },
      io,
    );
    expect(tally.events + tally.rejected).toBe(6000);
    expect(tally.rejected).toBe(0);
    expect(tally.eventsWithOffer).toBeGreaterThan(0);
    expect(tally.deliveriesByTouchpoint.size).toBeGreaterThan(3);
    expect(io.lines.some((line) => line.includes('营销案 case'))).toBe(true);
    expect(io.lines.some((line) => line.includes('quiet hours begin'))).toBe(true);
    const summary = formatSummary(tally, operator.catalog, wallSeconds).join('\n');
    expect(summary).toContain('事件 events ingested');
    expect(summary).toContain('6,000');
  });

  it('stops early, with its tallies so far, when asked to (Ctrl-C)', async () => {
    const { tally } = await runConsoleDemo(
      { seconds: 10, customers: 500, rate: 1000, seed: 7 },
      fakeIo(1000),
    );
    expect(tally.events).toBeGreaterThan(0);
    expect(tally.events).toBeLessThan(10_000);
  });
});
