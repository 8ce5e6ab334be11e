import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { Command, Option } from 'commander';
import type { ImportJob } from '@omnitouch/contracts';
import { apiOptionHelp, callApi, resolveTarget } from '../api-client';
import { CliError, type CliIo } from '../cli-io';

interface ImportOptions {
  kind: 'profiles' | 'events';
  format?: 'csv' | 'ndjson';
  url?: string;
  key?: string;
}

const mediaTypes = { csv: 'text/csv', ndjson: 'application/x-ndjson' } as const;

/**
 * `omnitouch import <file>`: streams a CSV or NDJSON file to `/api/v1/imports/<kind>` (never read
 * whole), printing upload progress, then the job's counts and its first rejected rows.
 */
export function createImportCommand(io: CliIo): Command {
  return new Command('import')
    .description(
      'bulk-load profiles (tags, attributes: CSV or NDJSON) or events (NDJSON) from a file',
    )
    .argument('<file>', 'the file to stream to the server')
    .addOption(
      new Option('--kind <kind>', 'what the file holds')
        .choices(['profiles', 'events'])
        .default('profiles'),
    )
    .addOption(
      new Option('--format <format>', 'file format (default: from the extension)').choices([
        'csv',
        'ndjson',
      ]),
    )
    .option('--url <url>', apiOptionHelp.url)
    .option('--key <key>', apiOptionHelp.key)
    .action(async (file: string, options: ImportOptions) => {
      const format = options.format ?? formatOf(file);
      if (options.kind === 'events' && format !== 'ndjson') {
        throw new CliError('events are imported from NDJSON (one event a line)', 2);
      }
      const size = (await stat(file)).size;
      const body = createReadStream(file).pipe(countBytes(size, io));
      const job = await callApi<ImportJob>(
        resolveTarget(options, io.env),
        `/api/v1/imports/${options.kind}`,
        {
          method: 'POST',
          headers: { 'content-type': mediaTypes[format] },
          body: Readable.toWeb(body) as ReadableStream<Uint8Array>,
          duplex: 'half',
        },
      );
      printJob(job, io);
      if (job.status === 'failed') {
        throw new CliError(`import ${job.id} failed: ${job.failure ?? 'unknown reason'}`);
      }
    });
}

function formatOf(file: string): 'csv' | 'ndjson' {
  const extension = extname(file).toLowerCase();
  if (extension === '.csv') {
    return 'csv';
  }
  if (extension === '.ndjson' || extension === '.jsonl') {
    return 'ndjson';
  }
  throw new CliError(
    `cannot tell the format of ${file} from its extension: pass --format csv|ndjson`,
    2,
  );
}

/** Passes bytes through, printing "uploaded x of y MB" at most every `progressIntervalMs`. */
function countBytes(total: number, io: CliIo): Transform {
  let sent = 0;
  let lastPrint = 0;
  const interval = io.progressIntervalMs ?? 1000;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sent += chunk.length;
      const now = performance.now();
      if (now - lastPrint >= interval) {
        lastPrint = now;
        const percent = total === 0 ? 100 : Math.floor((sent / total) * 100);
        io.out(
          `uploaded ${(sent / 1e6).toFixed(1)} of ${(total / 1e6).toFixed(1)} MB (${percent}%)`,
        );
      }
      done(null, chunk);
    },
  });
}

function printJob(job: ImportJob, io: CliIo): void {
  io.out(
    `import ${job.id} ${job.status}: ${job.rowsRead} rows read, ${job.rowsApplied} applied, ` +
      `${job.rowsRejected} rejected${job.kind === 'events' ? `, ${job.duplicates} duplicates` : ''}`,
  );
  for (const error of job.errors.slice(0, 20)) {
    io.out(`  line ${error.line} ${error.field || '(row)'}: ${error.reason}`);
  }
  if (job.rowsRejected > 20) {
    io.out(
      `  … see GET /api/v1/imports/${job.id} for the first ${job.errors.length} rejected rows`,
    );
  }
}
