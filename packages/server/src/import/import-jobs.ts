import { randomUUID } from 'node:crypto';
import type { FieldIssue } from '@omnitouch/core';
import { maxImportRowErrors, type ImportJob, type ImportKind } from '@omnitouch/contracts';

/** The writable side of one running import: counters the importer bumps as rows stream through. */
export interface ImportProgress {
  readonly id: string;
  read(rows: number): void;
  applied(rows: number, duplicates?: number): void;
  /** Counts one rejected row and lists each of its issues (while fewer than 1,000 are listed). */
  reject(line: number, issues: readonly FieldIssue[]): void;
  complete(now: number): void;
  fail(reason: string, now: number): void;
  /** A copy of the job as it stands. */
  snapshot(): ImportJob;
}

/** The import jobs of this process, for `GET /api/v1/imports/:id` progress. Not persisted. */
export interface ImportJobs {
  start(kind: ImportKind, format: ImportJob['format'], now: number): ImportProgress;
  get(id: string): ImportJob | undefined;
  /** Newest first. */
  list(): ImportJob[];
}

/** How many jobs are remembered; older finished ones are forgotten first. */
const keptJobs = 100;

/** In-memory job registry; progress lives as long as the process (a restart forgets finished jobs). */
export function createImportJobs(newId: () => string = () => `imp-${randomUUID()}`): ImportJobs {
  const jobs = new Map<string, ImportProgress>();
  function forgetOld(): void {
    for (const [id, progress] of jobs) {
      if (jobs.size <= keptJobs) {
        return;
      }
      if (progress.snapshot().status !== 'running') {
        jobs.delete(id);
      }
    }
  }
  return {
    start(kind, format, now) {
      const progress = createProgress({ id: newId(), kind, format, now });
      jobs.set(progress.id, progress);
      forgetOld();
      return progress;
    },
    get: (id) => jobs.get(id)?.snapshot(),
    list: () => [...jobs.values()].reverse().map((progress) => progress.snapshot()),
  };
}

function createProgress(init: {
  id: string;
  kind: ImportKind;
  format: ImportJob['format'];
  now: number;
}): ImportProgress {
  const job = {
    id: init.id,
    kind: init.kind,
    format: init.format,
    status: 'running' as ImportJob['status'],
    startedAt: init.now,
    finishedAt: undefined as number | undefined,
    rowsRead: 0,
    rowsApplied: 0,
    rowsRejected: 0,
    duplicates: 0,
    errors: [] as ImportJob['errors'],
    failure: undefined as string | undefined,
  };
  return {
    id: init.id,
    read: (rows) => {
      job.rowsRead += rows;
    },
    applied: (rows, duplicates = 0) => {
      job.rowsApplied += rows;
      job.duplicates += duplicates;
    },
    reject: (line, issues) => {
      job.rowsRejected += 1;
      for (const { field, reason } of issues) {
        if (job.errors.length < maxImportRowErrors) {
          job.errors.push({ line, field, reason });
        }
      }
    },
    complete: (now) => {
      job.status = 'completed';
      job.finishedAt = now;
    },
    fail: (reason, now) => {
      job.status = 'failed';
      job.failure = reason;
      job.finishedAt = now;
    },
    snapshot: () => {
      const { finishedAt, failure, errors, ...rest } = job;
      return {
        ...rest,
        errors: [...errors],
        ...(finishedAt !== undefined && { finishedAt }),
        ...(failure !== undefined && { failure }),
      };
    },
  };
}
