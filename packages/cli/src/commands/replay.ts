import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Command, InvalidArgumentError } from 'commander';
import { apiOptionHelp, callApi, resolveTarget, type ApiTarget } from '../api-client';
import type { CliIo } from '../cli-io';
import { planReplay, type TimedEvent } from './replay-timing';

interface ReplayOptions {
  speed: number;
  batch: number;
  keepTime?: boolean;
  url?: string;
  key?: string;
}

interface IngestReply {
  readonly accepted: number;
  readonly duplicates: number;
  readonly offers: number;
}

/**
 * `omnitouch replay <file>`: sends NDJSON events to `/api/v1/events` in batches, spaced as their
 * `occurredAt` were, `--speed` times faster, and re-timed to now (so live cases apply) unless
 * `--keep-time`.
 */
export function createReplayCommand(io: CliIo): Command {
  return new Command('replay')
    .description('replay NDJSON events from a file at a given speed, in batches, to /api/v1/events')
    .argument('<file>', 'NDJSON file: one CustomerEvent a line, in time order')
    .option(
      '--speed <x>',
      'how many times faster than recorded; 0 sends as fast as possible',
      parsePositive,
      1,
    )
    .option('--batch <n>', 'most events per request', parseBatch, 100)
    .option('--keep-time', 'send the recorded occurredAt instead of shifting the stream to now')
    .option('--url <url>', apiOptionHelp.url)
    .option('--key <key>', apiOptionHelp.key)
    .action(async (file: string, options: ReplayOptions) => {
      const target = resolveTarget(options, io.env);
      const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
      const totals = { sent: 0, accepted: 0, duplicates: 0, offers: 0 };
      const send = async (batch: readonly TimedEvent[]) => {
        const reply = await postBatch(
          target,
          batch.map((event) => event.body),
        );
        totals.sent += batch.length;
        totals.accepted += reply.accepted;
        totals.duplicates += reply.duplicates;
        totals.offers += reply.offers;
        io.out(
          `sent ${totals.sent} events (${totals.accepted} new, ${totals.duplicates} duplicates, ${totals.offers} offers)`,
        );
      };
      await planReplay(lines, {
        speed: options.speed,
        batchSize: options.batch,
        keepTime: options.keepTime === true,
        now: () => Date.now(),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        send,
      });
      io.out(`done: ${totals.sent} events replayed`);
    });
}

async function postBatch(target: ApiTarget, events: readonly unknown[]): Promise<IngestReply> {
  return callApi<IngestReply>(target, '/api/v1/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });
}

function parsePositive(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) {
    throw new InvalidArgumentError('must be a number ≥ 0');
  }
  return number;
}

function parseBatch(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 10_000) {
    throw new InvalidArgumentError('must be a whole number from 1 to 10000');
  }
  return number;
}
