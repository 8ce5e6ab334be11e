import type { FieldIssue } from '@omnitouch/core';
import type { ImportProgress } from './import-jobs';

/** A row waiting to be applied and the line it came from. */
export interface PendingRow<T> {
  readonly line: number;
  readonly item: T;
}

/** What applying one chunk did: all applied (some maybe duplicates), or issues per `/index/…`. */
export type ChunkOutcome =
  | { readonly ok: true; readonly applied: number; readonly duplicates?: number }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

// `/3/attributes/arpu` (profile changes) or `/events/3/type` (event batches): row 3, field after it.
const rowPointer = /^\/(?:events\/)?(\d+)(\/.*)?$/;

/**
 * Applies `rows` with `apply`, which is all-or-nothing per call (the runtime rejects a whole batch
 * for one bad item). When it refuses, the rows its issues point at are reported to `progress` and
 * dropped, and the rest is applied again, so a bad row never takes the good ones down with it.
 */
export async function applyInChunks<T>(
  rows: readonly PendingRow<T>[],
  apply: (items: readonly T[]) => ChunkOutcome | Promise<ChunkOutcome>,
  progress: ImportProgress,
): Promise<void> {
  let remaining = rows;
  while (remaining.length > 0) {
    const outcome = await apply(remaining.map((row) => row.item));
    if (outcome.ok) {
      progress.applied(outcome.applied, outcome.duplicates ?? 0);
      return;
    }
    const issuesByRow = groupIssuesByRow(outcome.issues, remaining.length);
    if (issuesByRow.size === 0) {
      // Issues that name no row: nothing to single out, so the chunk is refused as a whole.
      for (const row of remaining) {
        progress.reject(row.line, outcome.issues);
      }
      return;
    }
    for (const [index, issues] of issuesByRow) {
      const row = remaining[index];
      if (row !== undefined) {
        progress.reject(row.line, issues);
      }
    }
    remaining = remaining.filter((_, index) => !issuesByRow.has(index));
  }
}

function groupIssuesByRow(
  issues: readonly FieldIssue[],
  rowCount: number,
): Map<number, FieldIssue[]> {
  const byRow = new Map<number, FieldIssue[]>();
  for (const issue of issues) {
    const match = rowPointer.exec(issue.field);
    const index = Number(match?.[1] ?? -1);
    if (match === null || index >= rowCount) {
      continue;
    }
    const list = byRow.get(index) ?? [];
    list.push({ field: match[2] ?? '', reason: issue.reason });
    byRow.set(index, list);
  }
  return byRow;
}
