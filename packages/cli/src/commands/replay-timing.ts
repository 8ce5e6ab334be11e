import { CliError } from '../cli-io';

/** One event of a replay: the JSON to send and when (wall-clock epoch ms) it is due. */
export interface TimedEvent {
  readonly body: Record<string, unknown>;
  readonly dueAt: number;
}

/** How a replay is paced; `now` and `sleep` are passed in so tests run on a fake clock. */
export interface ReplayPlan {
  /** Times faster than recorded; 0 sends everything at once. */
  readonly speed: number;
  readonly batchSize: number;
  /** Keep the recorded `occurredAt` instead of moving each event to its wall-clock send time. */
  readonly keepTime: boolean;
  now(): number;
  sleep(ms: number): Promise<void>;
  send(batch: readonly TimedEvent[]): Promise<void>;
}

/**
 * Replays NDJSON lines: event `i` is due `(occurredAt_i − occurredAt_0) / speed` after the start.
 * Due events are grouped into batches of at most `batchSize`; a batch is sent as soon as it is full
 * or the next event lies in the future, so batching never delays an event past its time.
 */
export async function planReplay(lines: AsyncIterable<string>, plan: ReplayPlan): Promise<number> {
  let origin: { recorded: number; wall: number } | undefined;
  let batch: TimedEvent[] = [];
  let lineNumber = 0;
  let count = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') {
      continue;
    }
    const body = parseEvent(line, lineNumber);
    const recorded = occurredAtOf(body, lineNumber);
    origin ??= { recorded, wall: plan.now() };
    const offset = plan.speed === 0 ? 0 : (recorded - origin.recorded) / plan.speed;
    const dueAt = Math.round(origin.wall + Math.max(0, offset));
    if (batch.length > 0 && (batch.length >= plan.batchSize || dueAt > plan.now())) {
      await plan.send(batch);
      batch = [];
    }
    const wait = dueAt - plan.now();
    if (wait > 0) {
      await plan.sleep(wait);
    }
    batch.push({ body: plan.keepTime ? body : { ...body, occurredAt: dueAt }, dueAt });
    count += 1;
  }
  if (batch.length > 0) {
    await plan.send(batch);
  }
  return count;
}

function parseEvent(line: string, lineNumber: number): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new CliError(`line ${lineNumber}: not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CliError(`line ${lineNumber}: an event must be a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

function occurredAtOf(event: Record<string, unknown>, lineNumber: number): number {
  const value = event.occurredAt;
  const at = typeof value === 'string' ? Date.parse(value) : value;
  if (typeof at !== 'number' || !Number.isFinite(at)) {
    throw new CliError(`line ${lineNumber}: occurredAt must be epoch ms or an ISO-8601 date`);
  }
  return at;
}
