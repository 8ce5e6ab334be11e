import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteEventLog, SqliteScheduledDeliveryStore } from '../src/index';
import { openTempDatabase, type TempDatabase } from './temp-database';

const childScript = fileURLToPath(new URL('./append-until-killed.ts', import.meta.url));

/** Runs the child until it has acknowledged `minAcks` events, then kill -9s it; returns its output lines. */
function runUntilKilled(path: string, minAcks: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let stderr = '';
    let acks = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      acks += chunk.split('\nack ').length - 1;
      if (acks >= minAcks && child.exitCode === null) {
        child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    // 'close', not 'exit': 'exit' can fire before the pipe's last lines have been read.
    child.on('close', (_code, signal) => {
      if (signal === 'SIGKILL') {
        // A line cut by the kill is incomplete: only whole lines were acknowledged.
        resolve(output.split('\n').slice(0, -1));
      } else {
        reject(new Error(`child exited on its own: ${stderr}`));
      }
    });
  });
}

function idsOf(lines: string[], kind: string): Set<string> {
  return new Set(
    lines.filter((l) => l.startsWith(`${kind} `)).map((l) => l.slice(kind.length + 1)),
  );
}

describe('kill -9 while appending', () => {
  let temp: TempDatabase | undefined;
  afterEach(() => temp?.remove());

  it('keeps every acknowledged event and scheduled delivery, and hands none out twice', async () => {
    temp = openTempDatabase();
    temp.db.close();
    const lines = await runUntilKilled(temp.path, 5000);
    const db = temp.reopen();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    const acked = idsOf(lines, 'ack');
    expect(acked.size).toBeGreaterThanOrEqual(5000);
    const log = new SqliteEventLog(db);
    const logged = new Set(log.read(0, log.size()).map((event) => event.eventId));
    expect([...acked].filter((id) => !logged.has(id))).toEqual([]);

    const remaining = new Set(
      new SqliteScheduledDeliveryStore(db)
        .takeDue(Number.MAX_SAFE_INTEGER, 1_000_000)
        .map((d) => d.offerId),
    );
    const takenLog = db.prepare<[], string>('SELECT offer_id FROM taken_log').pluck().all();
    const taken = new Set([...takenLog, ...idsOf(lines, 'taken')]);
    expect([...taken].filter((id) => remaining.has(id))).toEqual([]);
    // Every scheduled delivery is either still scheduled or was handed out exactly once.
    const lost = [...idsOf(lines, 'scheduled')].filter(
      (id) => !remaining.has(id) && !taken.has(id),
    );
    expect(lost).toEqual([]);
    // Starting the child through tsx takes seconds on a busy 2-core machine: give it room.
  }, 120_000);
});
