import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCsvRecords, type CsvRecord } from './csv-records';
import { RecordTooLargeError } from './text-chunks';

async function collect(chunks: (string | Uint8Array)[], max?: number): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const batch of readCsvRecords(Readable.from(chunks), max)) {
    out.push(...batch);
  }
  return out;
}

/** Feeds `text` one character at a time: every state must survive a chunk boundary. */
function byCharacter(text: string): string[] {
  return [...text];
}

describe(readCsvRecords.name, () => {
  const tricky =
    '\uFEFFcustomerId,note,tags\r\n' +
    '1,"a, b",x|y\r\n' +
    '2,"say ""hi""",\r\n' +
    '\r\n' +
    '3,"two\r\nlines",z\n' +
    '4,plain,last';

  it.each([
    ['whole', [tricky]],
    ['one character per chunk', byCharacter(tricky)],
  ])(
    'reads quoted commas, doubled quotes, CRLF and line breaks in fields (%s)',
    async (_, chunks) => {
      const records = await collect(chunks);
      expect(records).toEqual([
        { line: 1, fields: ['customerId', 'note', 'tags'] },
        { line: 2, fields: ['1', 'a, b', 'x|y'] },
        { line: 3, fields: ['2', 'say "hi"', ''] },
        { line: 5, fields: ['3', 'two\r\nlines', 'z'] },
        { line: 7, fields: ['4', 'plain', 'last'] },
      ]);
    },
  );

  it('decodes a multi-byte character split across two chunks', async () => {
    const bytes = new TextEncoder().encode('id,城市\n1,北京\n');
    const records = await collect([bytes.slice(0, 5), bytes.slice(5, 13), bytes.slice(13)]);
    expect(records.map((r) => r.fields)).toEqual([
      ['id', '城市'],
      ['1', '北京'],
    ]);
  });

  it('reports a quoted field left open at the end of the file', async () => {
    const records = await collect(['id,note\n1,"never closed\n']);
    expect(records[1]).toMatchObject({ line: 2, error: 'a quoted field is not closed' });
  });

  it('refuses a record longer than the limit instead of buffering the file', async () => {
    await expect(collect(['id\n"', 'x'.repeat(200)], 100)).rejects.toBeInstanceOf(
      RecordTooLargeError,
    );
  });
});
