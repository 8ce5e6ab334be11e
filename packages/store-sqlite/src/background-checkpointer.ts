import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Runs WAL checkpoints on a worker thread with its own connection. SQLite's automatic checkpoint
 * runs inside the COMMIT that crosses the threshold, on the event loop: with a 4 MiB WAL it stalls
 * that commit (and every request queued behind it) for tens of milliseconds. A PASSIVE checkpoint
 * from another connection copies WAL frames into the database without blocking the writer, so the
 * main connection runs with `wal_autocheckpoint = 0` and never pays for one. Durability is
 * unchanged: commits are durable in the WAL; checkpoints only move them into the main file.
 */
export interface BackgroundCheckpointer {
  stop(): Promise<void>;
}

// Plain CommonJS so the worker needs no TypeScript loader.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
let stopping = false;
const run = () => {
  if (stopping) return;
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: try again next period */ }
  setTimeout(run, workerData.intervalMs);
};
parentPort.on('message', () => { stopping = true; db.close(); parentPort.postMessage('stopped'); });
run();
`;

/** Starts checkpointing `path` every `intervalMs`; the caller sets `wal_autocheckpoint = 0`. */
export function startBackgroundCheckpointer(
  path: string,
  intervalMs = 500,
): BackgroundCheckpointer {
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { path, intervalMs, driver: fileURLToPath(import.meta.resolve('better-sqlite3')) },
  });
  worker.unref();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once('message', () => void worker.terminate().then(() => resolve()));
        worker.once('error', () => resolve());
        worker.postMessage('stop');
      }),
  };
}
