import { describe, expect, it } from 'vitest';
import { applyInChunks, type ChunkOutcome } from './apply-in-chunks';
import { createImportJobs } from './import-jobs';

describe(applyInChunks.name, () => {
  it('drops the rows the issues point at and applies the rest', async () => {
    const progress = createImportJobs(() => 'job-1').start('profiles', 'csv', 0);
    const calls: number[][] = [];
    const apply = (items: readonly number[]): ChunkOutcome => {
      calls.push([...items]);
      const bad = items.flatMap((value, index) => (value < 0 ? [index] : []));
      return bad.length === 0
        ? { ok: true, applied: items.length }
        : {
            ok: false,
            issues: bad.map((index) => ({
              field: `/${index}/attributes/arpu`,
              reason: 'must be ≥ 0',
            })),
          };
    };
    const rows = [5, -1, 7, -2].map((item, index) => ({ line: index + 2, item }));
    await applyInChunks(rows, apply, progress);
    expect(calls).toEqual([
      [5, -1, 7, -2],
      [5, 7],
    ]);
    expect(progress.snapshot()).toMatchObject({
      rowsApplied: 2,
      rowsRejected: 2,
      errors: [
        { line: 3, field: '/attributes/arpu', reason: 'must be ≥ 0' },
        { line: 5, field: '/attributes/arpu', reason: 'must be ≥ 0' },
      ],
    });
  });

  it('refuses the whole chunk when the issues name no row, instead of retrying forever', async () => {
    const progress = createImportJobs(() => 'job-1').start('events', 'ndjson', 0);
    const apply = (): ChunkOutcome => ({ ok: false, issues: [{ field: '/', reason: 'too many' }] });
    await applyInChunks(
      [
        { line: 1, item: 1 },
        { line: 2, item: 2 },
      ],
      apply,
      progress,
    );
    expect(progress.snapshot()).toMatchObject({ rowsApplied: 0, rowsRejected: 2 });
  });
});
