import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ImportJob, ImportJobList, ImportJobParams } from '@omnitouch/contracts';
import type { Clock } from '@omnitouch/engine';
import type { CatalogService } from '../../catalog/catalog-service';
import { sendError } from '../../errors';
import { importEventNdjson } from '../../import/event-import';
import type { ImportJobs, ImportProgress } from '../../import/import-jobs';
import { importProfileCsv, importProfileNdjson } from '../../import/profile-import';
import { RecordTooLargeError } from '../../import/text-chunks';
import type { DecisionRuntime } from '../../runtime/decision-runtime';
import { authErrorResponses, errorResponses } from '../route-schemas';
import {
  EventUploadHeaders,
  ImportUploadHeaders,
  csvType,
  importBodyTypes,
} from './imports.schema';

/** What the import routes work with. */
export interface ImportRouteDeps {
  readonly runtime: Pick<DecisionRuntime, 'applyProfileChanges' | 'ingest'>;
  readonly catalog: Pick<CatalogService, 'snapshot'>;
  readonly clock: Clock;
  readonly jobs: ImportJobs;
}

const config = { roles: ['planner', 'ingest'] } as const;
const tags = ['imports'];
const uploadResponses = {
  200: ImportJob,
  ...errorResponses(400, 415),
  ...authErrorResponses,
};

/**
 * `POST /api/v1/imports/profiles` (CSV or NDJSON) and `/events` (NDJSON): bulk loads streamed
 * straight from the request body, applied in chunks; the answer is the finished job. `GET
 * /api/v1/imports[/:id]` shows progress while an upload is still streaming.
 */
export function registerImportRoutes(app: FastifyInstance, deps: ImportRouteDeps): void {
  // An encapsulated scope: the raw-stream parsers apply to these routes only, so a CSV body sent
  // anywhere else is still refused (415) rather than handed over as a stream.
  void app.register((scope, _options, done) => {
    scope.addContentTypeParser(importBodyTypes, (_request, payload, parsed) => {
      parsed(null, payload);
    });
    registerUploads(scope, deps);
    done();
  });
  app.get(
    '/api/v1/imports',
    { config, schema: { tags, response: { 200: ImportJobList, ...authErrorResponses } } },
    (): ImportJobList => ({ items: deps.jobs.list() }),
  );
  app.get<{ Params: ImportJobParams }>(
    '/api/v1/imports/:id',
    {
      config,
      schema: {
        tags,
        params: ImportJobParams,
        response: { 200: ImportJob, ...errorResponses(404), ...authErrorResponses },
      },
    },
    (request, reply) => {
      const job = deps.jobs.get(request.params.id);
      return job === undefined ? sendError(reply, 'not-found') : job;
    },
  );
}

function registerUploads(scope: FastifyInstance, deps: ImportRouteDeps): void {
  const profileDeps = { runtime: deps.runtime, catalog: () => deps.catalog.snapshot() };
  scope.post<{ Body: Readable }>(
    '/api/v1/imports/profiles',
    {
      config,
      schema: { tags, headers: ImportUploadHeaders, response: uploadResponses },
    },
    async (request, reply) => {
      const isCsv = request.headers['content-type']?.startsWith(csvType) === true;
      const progress = deps.jobs.start('profiles', isCsv ? 'csv' : 'ndjson', deps.clock.now());
      return runUpload(reply, progress, deps.clock, request.body, async (body) =>
        isCsv
          ? importProfileCsv(body, progress, profileDeps)
          : importProfileNdjson(body, progress, profileDeps).then(() => []),
      );
    },
  );
  scope.post<{ Body: Readable }>(
    '/api/v1/imports/events',
    {
      config,
      schema: {
        tags,
        headers: EventUploadHeaders,
        response: uploadResponses,
      },
    },
    async (request, reply) => {
      const progress = deps.jobs.start('events', 'ndjson', deps.clock.now());
      return runUpload(reply, progress, deps.clock, request.body, (body) =>
        importEventNdjson(body, progress, { runtime: deps.runtime }).then(() => []),
      );
    },
  );
}

/**
 * Runs one import over the request stream and answers: 400 naming the bad header columns (nothing
 * applied), otherwise 200 with the job, `failed` when the stream broke off or a record was too large.
 */
async function runUpload(
  reply: FastifyReply,
  progress: ImportProgress,
  clock: Clock,
  body: Readable,
  run: (body: Readable) => Promise<readonly { field: string; reason: string }[]>,
): Promise<FastifyReply> {
  try {
    const headerIssues = await run(body);
    if (headerIssues.length > 0) {
      progress.fail('the header row is not valid', clock.now());
      body.resume(); // drain the rest so the client can read the answer
      return sendError(reply, 'validation-failed', headerIssues);
    }
    progress.complete(clock.now());
  } catch (error) {
    if (!(error instanceof RecordTooLargeError)) {
      progress.fail('the upload broke off', clock.now());
      throw error;
    }
    progress.fail(error.message, clock.now());
    body.resume();
  }
  return reply.status(200).send(progress.snapshot());
}
