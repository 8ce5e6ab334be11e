import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { planReplay, type TimedEvent } from './replay-timing';

/** A replay on a fake clock: `sleep` advances it; every send is recorded with the time it happened. */
async function replay(lines: string[], speed: number, batchSize = 100, keepTime = false) {
  let now = 1_000_000;
  const sends: { at: number; batch: readonly TimedEvent[] }[] = [];
  await planReplay(Readable.from(lines), {
    speed,
    batchSize,
    keepTime,
    now: () => now,
    sleep: (ms) => {
      now += ms;
      return Promise.resolve();
    },
    send: (batch) => {
      sends.push({ at: now, batch });
      return Promise.resolve();
    },
  });
  return sends;
}

const event = (id: string, occurredAt: number) => JSON.stringify({ eventId: id, occurredAt });

describe(planReplay.name, () => {
  it('spaces events as recorded, divided by the speed, and re-times them to the send time', async () => {
    const sends = await replay([event('a', 0), event('b', 0), '', event('c', 10_000)], 10);
    expect(sends.map((s) => ({ at: s.at, ids: s.batch.map((e) => e.body.eventId) }))).toEqual([
      { at: 1_000_000, ids: ['a', 'b'] },
      { at: 1_001_000, ids: ['c'] },
    ]);
    expect(sends[1]?.batch[0]?.body.occurredAt).toBe(1_001_000);
  });

  it('keeps the recorded time with keepTime and splits full batches', async () => {
    const lines = [0, 1, 2, 3, 4].map((i) => event(`e${i}`, 500));
    const sends = await replay(lines, 0, 2, true);
    expect(sends.map((s) => s.batch.length)).toEqual([2, 2, 1]);
    expect(sends[0]?.batch[0]?.body.occurredAt).toBe(500);
  });

  it('refuses a line that is not an event, naming the line', async () => {
    await expect(replay([event('a', 0), '{"eventId":"b"}'], 1)).rejects.toThrow('line 2');
  });
});
