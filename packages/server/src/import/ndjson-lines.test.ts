import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readNdjsonLines, type NdjsonLine } from './ndjson-lines';

async function collect(chunks: string[]): Promise<NdjsonLine[]> {
  const out: NdjsonLine[] = [];
  for await (const batch of readNdjsonLines(Readable.from(chunks))) {
    out.push(...batch);
  }
  return out;
}

describe(readNdjsonLines.name, () => {
  it('numbers lines across chunk boundaries, skips blank lines and strips CR', async () => {
    const lines = await collect(['{"a":', '1}\r\n\n{"b"', ':2}\n  \n{"c":3}']);
    expect(lines).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 3, text: '{"b":2}' },
      { line: 5, text: '{"c":3}' },
    ]);
  });
});
