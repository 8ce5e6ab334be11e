import type { CatalogSnapshot, FieldIssue } from '@omnitouch/core';
import type { DecisionRuntime, ProfileChange } from '../runtime/decision-runtime';
import { applyInChunks, type ChunkOutcome, type PendingRow } from './apply-in-chunks';
import { readCsvRecords } from './csv-records';
import type { ImportProgress } from './import-jobs';
import { readNdjsonLines } from './ndjson-lines';
import { planProfileColumns, type ProfileColumnPlan } from './profile-columns';
import { parseProfileChangeLine } from './profile-change-line.schema';
import { toProfileChange } from './profile-row';

/** What a profile import needs: the runtime to apply changes and the catalog to read CSV headers. */
export interface ProfileImportDeps {
  readonly runtime: Pick<DecisionRuntime, 'applyProfileChanges'>;
  readonly catalog: () => CatalogSnapshot;
  /** Rows per `applyProfileChanges` transaction. */
  readonly chunkSize?: number;
}

/** Rows per transaction: big enough to amortise the commit, small enough to keep memory flat. */
export const defaultImportChunkSize = 1000;

/**
 * Streams a profile CSV (header row first) into the runtime in chunks. Returns the header's issues
 * (unknown columns, no `customerId`) without applying anything; otherwise every row is either
 * applied or reported to `progress` with its line, field and reason.
 */
export async function importProfileCsv(
  body: AsyncIterable<Uint8Array | string>,
  progress: ImportProgress,
  deps: ProfileImportDeps,
): Promise<readonly FieldIssue[]> {
  const chunkSize = deps.chunkSize ?? defaultImportChunkSize;
  const apply = (changes: readonly ProfileChange[]) => applyChanges(deps, changes);
  let plan: ProfileColumnPlan | undefined;
  let pending: PendingRow<ProfileChange>[] = [];
  for await (const records of readCsvRecords(body)) {
    for (const record of records) {
      if (plan === undefined) {
        const planned = planProfileColumns(record.fields, deps.catalog());
        if (!planned.ok) {
          return planned.issues;
        }
        plan = planned.value;
        continue;
      }
      progress.read(1);
      const change = record.error === undefined ? toProfileChange(record.fields, plan) : undefined;
      if (change?.ok === true) {
        pending.push({ line: record.line, item: change.value });
      } else {
        progress.reject(record.line, change?.issues ?? [{ field: '', reason: record.error ?? '' }]);
      }
      if (pending.length >= chunkSize) {
        await applyInChunks(pending, apply, progress);
        pending = [];
      }
    }
  }
  await applyInChunks(pending, apply, progress);
  return plan === undefined ? [{ field: 'customerId', reason: 'the file has no header row' }] : [];
}

/** Streams NDJSON profile changes (one `ProfileChange` a line) into the runtime in chunks. */
export async function importProfileNdjson(
  body: AsyncIterable<Uint8Array | string>,
  progress: ImportProgress,
  deps: ProfileImportDeps,
): Promise<void> {
  const chunkSize = deps.chunkSize ?? defaultImportChunkSize;
  const apply = (changes: readonly ProfileChange[]) => applyChanges(deps, changes);
  let pending: PendingRow<ProfileChange>[] = [];
  for await (const lines of readNdjsonLines(body)) {
    for (const { line, text } of lines) {
      progress.read(1);
      const change = parseProfileChangeLine(text);
      if (change.ok) {
        pending.push({ line, item: change.value });
      } else {
        progress.reject(line, change.issues);
      }
      if (pending.length >= chunkSize) {
        await applyInChunks(pending, apply, progress);
        pending = [];
      }
    }
  }
  await applyInChunks(pending, apply, progress);
}

function applyChanges(deps: ProfileImportDeps, changes: readonly ProfileChange[]): ChunkOutcome {
  const result = deps.runtime.applyProfileChanges(changes);
  return result.ok ? { ok: true, applied: result.value.applied } : result;
}
