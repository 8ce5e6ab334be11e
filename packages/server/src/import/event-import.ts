import type { DecisionRuntime } from '../runtime/decision-runtime';
import { applyInChunks, type ChunkOutcome, type PendingRow } from './apply-in-chunks';
import type { ImportProgress } from './import-jobs';
import { readNdjsonLines } from './ndjson-lines';
import { parseJsonLine } from './profile-change-line.schema';

/** What an event import needs: the runtime, and events per `ingest` call. */
export interface EventImportDeps {
  readonly runtime: Pick<DecisionRuntime, 'ingest'>;
  readonly chunkSize?: number;
}

/** Events per `ingest` call: one durable group commit each, decisions made as for live traffic. */
export const defaultEventChunkSize = 500;

/**
 * Streams NDJSON customer events (one a line) through `runtime.ingest` in chunks, so they are
 * durable and decided exactly like live events; an event already ingested counts as a duplicate,
 * a bad one is reported with its line and skipped.
 */
export async function importEventNdjson(
  body: AsyncIterable<Uint8Array | string>,
  progress: ImportProgress,
  deps: EventImportDeps,
): Promise<void> {
  const chunkSize = deps.chunkSize ?? defaultEventChunkSize;
  const apply = async (events: readonly unknown[]): Promise<ChunkOutcome> => {
    const result = await deps.runtime.ingest(events);
    return result.ok
      ? { ok: true, applied: result.value.accepted, duplicates: result.value.duplicates }
      : result;
  };
  let pending: PendingRow<unknown>[] = [];
  for await (const lines of readNdjsonLines(body)) {
    for (const { line, text } of lines) {
      progress.read(1);
      const event = parseJsonLine(text);
      if (event.ok) {
        pending.push({ line, item: event.value });
      } else {
        progress.reject(line, event.issues);
      }
      if (pending.length >= chunkSize) {
        await applyInChunks(pending, apply, progress);
        pending = [];
      }
    }
  }
  await applyInChunks(pending, apply, progress);
}
