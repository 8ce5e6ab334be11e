import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SqliteDatabase } from './sqlite-database';

/**
 * Runs WAL checkpoints on a worker thread with its own connection. SQLite's automatic checkpoint
 * runs inside the COMMIT that crosses the threshold, on the event loop: with a 4 MiB WAL it stalls
 * that commit (and every request queued behind it) for tens of milliseconds. A PASSIVE checkpoint
 * from another connection copies WAL frames into the database without blocking the writer, so the
 * main connection runs with `wal_autocheckpoint = 0` and never pays for one. Durability is
 * unchanged: commits are durable in the WAL; checkpoints only move them into the main file.
 *
 * PASSIVE alone never lets the WAL shrink under sustained writes: the writer rewinds the WAL only
 * when every frame has been copied back, and new frames keep arriving while PASSIVE copies (seen:
 * 204 MB of WAL in 15 s of ingest). Rewinding needs one checkpoint that reaches the end of the WAL
 * with no commit in between, so it must run on the writer's connection, between two of its own
 * transactions (a RESTART from another connection takes the write lock, and a deferred transaction
 * that already read then fails with SQLITE_BUSY: SQLite skips the busy handler when upgrading a
 * read lock). What makes that checkpoint slow is copying frames and the database fsync that ends
 * it (measured: 75 ms when the writer copied the frames of one 500 ms period, 70–90 ms under
 * batched ingest). So when the WAL holds more than `restartAboveBytes`, the worker copies and
 * fsyncs almost all of it and says 'ready'; the writer notes how many rows it has written and asks
 * for one more pass ('again'), and rewinds once a pass comes back with few rows written since it
 * asked: the RESTART then has next to nothing left to copy (measured 1.5–6 ms under decide load).
 * The writer's `journal_size_limit` trims the file back after a burst.
 */
export interface BackgroundCheckpointer {
  stop(): Promise<void>;
}

export interface BackgroundCheckpointOptions {
  /** Period between PASSIVE checkpoints. Default 500 ms. */
  readonly intervalMs?: number;
  /** WAL content (frames × frame size) above which it is rewound. Default 64 MiB. */
  readonly restartAboveBytes?: number;
  /** Told after each rewind how long the writer's RESTART took (it stalls the writer that long). */
  readonly onRewind?: (writerMs: number) => void;
}

/**
 * Default WAL size that triggers a rewind. The writer's connection should set `journal_size_limit`
 * to twice this: a WAL rewound after a burst is trimmed back, while the steady cycle (rewound a
 * little above this size) reuses its file instead of truncating it each time (~5 ms measured).
 */
export const defaultWalRestartBytes = 64 * 1024 * 1024;

// Plain CommonJS so the worker needs no TypeScript loader.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { closeSync, fsyncSync, openSync } = require('node:fs');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
const databaseFile = openSync(workerData.path, 'r+');
// A WAL frame is a page plus its 24-byte header. The file itself is no measure: it keeps its
// size (up to journal_size_limit) after a rewind.
const frameBytes = db.pragma('page_size', { simple: true }) + 24;
/** How many frames the WAL holds after a PASSIVE pass; -1 when busy. */
const passive = () => {
  try { return db.pragma('wal_checkpoint(PASSIVE)')[0].log; } catch { return -1; }
};
// Frames the WAL held after the previous pass: if none came since, every frame is copied back and
// the writer's next commit rewinds the WAL by itself, so there is nothing to ask of it.
let framesBefore = 0;
let stopping = false;
/** Copies what was committed since the last pass, flushes it, and tells the writer. */
const prepareRewind = () => {
  framesBefore = passive();
  fsyncSync(databaseFile);
  parentPort.postMessage('ready');
};
const run = () => {
  if (stopping) return;
  const frames = passive();
  const grew = frames !== framesBefore;
  framesBefore = frames;
  if (grew && frames * frameBytes > workerData.restartAboveBytes) {
    // The slow fsync of most of the copied pages happens here, off the writer's thread; the
    // periodic passes pause until the writer has rewound ('done').
    fsyncSync(databaseFile);
    prepareRewind();
    return;
  }
  setTimeout(run, workerData.intervalMs);
};
parentPort.on('message', (message) => {
  if (stopping) return;
  if (message === 'again') {
    prepareRewind();
  } else if (message === 'done') {
    framesBefore = passive();
    setTimeout(run, workerData.intervalMs);
  } else {
    stopping = true;
    closeSync(databaseFile);
    db.close();
    parentPort.postMessage('stopped');
  }
});
run();
`;

/**
 * The writer rewinds once fewer than this many rows were written since it asked the worker for a
 * last pass (a few milliseconds of frames left to copy), or after `maxRewindRounds` passes.
 */
const fewRows = 500;
const maxRewindRounds = 4;

/**
 * Starts checkpointing the database `writer` is connected to; the caller sets
 * `wal_autocheckpoint = 0` and `journal_size_limit` (see `defaultWalRestartBytes`) on `writer`.
 */
export function startBackgroundCheckpointer(
  writer: SqliteDatabase,
  options: BackgroundCheckpointOptions = {},
): BackgroundCheckpointer {
  const restartAboveBytes = options.restartAboveBytes ?? defaultWalRestartBytes;
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: {
      path: writer.name,
      intervalMs: options.intervalMs ?? 500,
      restartAboveBytes,
      driver: fileURLToPath(import.meta.resolve('better-sqlite3')),
    },
  });
  worker.unref();
  const rowsChanged = writer.prepare<[], number>('SELECT total_changes()').pluck();
  // The writer's row count when it last sent 'again': rows written since then may not have been
  // copied by the worker's pass, and the RESTART would have to copy them on this thread.
  let rowsAtAsk: number | undefined;
  let rounds = 0;
  worker.on('message', (message: unknown) => {
    if (message !== 'ready' || !writer.open) {
      return;
    }
    const rows = rowsChanged.get() ?? 0;
    if (rounds < maxRewindRounds && (rowsAtAsk === undefined || rows - rowsAtAsk > fewRows)) {
      rowsAtAsk = rows;
      rounds += 1;
      worker.postMessage('again');
      return;
    }
    try {
      const started = performance.now();
      writer.pragma('wal_checkpoint(RESTART)');
      options.onRewind?.(performance.now() - started);
    } catch {
      // Busy (a reader still on old frames): a later pass asks again.
    }
    rowsAtAsk = undefined;
    rounds = 0;
    worker.postMessage('done');
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.on('message', (message: unknown) => {
          if (message === 'stopped') {
            void worker.terminate().then(() => resolve());
          }
        });
        worker.once('error', () => resolve());
        worker.postMessage('stop');
      }),
  };
}
