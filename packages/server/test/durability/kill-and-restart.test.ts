import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDurabilityCatalog } from './durability-catalog';
import { spawnServer, type ServerProcess } from './server-process';

const adminKey = 'durability-admin-key-0123456789';
const dataDir = mkdtempSync(join(tmpdir(), 'omnitouch-durability-'));
const env = { DATA_DIR: dataDir, BOOTSTRAP_ADMIN_KEY: adminKey, GROUP_COMMIT_MS: '2' };
const headers = { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' };
const processes: ServerProcess[] = [];
afterAll(() => {
  processes.forEach((server) => server.child.kill('SIGKILL'));
  rmSync(dataDir, { recursive: true, force: true });
});

/** One client: posts batches of top-ups until stopped, recording every acknowledged event id. */
async function sendUntilStopped(
  url: string,
  client: number,
  acknowledged: Set<string>,
  stop: () => boolean,
) {
  for (let batch = 0; !stop(); batch += 1) {
    const ids = Array.from({ length: 50 }, (_, i) => `c${client}-b${batch}-${i}`);
    const events = ids.map((eventId, i) => ({
      eventId,
      customerId: `cust-${(client * 7919 + batch * 50 + i) % 3000}`,
      type: 'top-up',
      occurredAt: Date.now(),
      properties: { amount: 30 },
    }));
    try {
      const response = await fetch(`${url}/api/v1/events`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ events }),
      });
      if (response.status === 200) {
        ids.forEach((id) => acknowledged.add(id));
      } else if (response.status !== 503) {
        throw new Error(`unexpected ${response.status}: ${await response.text()}`);
      }
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('unexpected')) {
        throw error;
      }
      return; // the connection died with the process: this batch was not acknowledged
    }
  }
}

function readState() {
  const db = new Database(join(dataDir, 'omnitouch.db'), { readonly: true });
  try {
    const logged = new Set(db.prepare('SELECT event_id FROM event_log').pluck().all() as string[]);
    const scalar = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      logged,
      lastPosition: scalar('SELECT coalesce(max(position), 0) FROM event_log'),
      cursor: scalar(
        "SELECT coalesce(max(position), 0) FROM pipeline_cursor WHERE name = 'decisions'",
      ),
      scheduled: scalar('SELECT count(*) FROM scheduled_deliveries'),
      deferredOffers: scalar("SELECT count(*) FROM offers WHERE case_id = 'night-sms'"),
      twiceDelivered: scalar(
        "SELECT count(*) FROM (SELECT delivery_id FROM delivery_attempts WHERE outcome = 'delivered' GROUP BY delivery_id HAVING count(*) > 1)",
      ),
      delivered: scalar("SELECT count(*) FROM delivery_attempts WHERE outcome = 'delivered'"),
    };
  } finally {
    db.close();
  }
}

describe('durability under kill -9', () => {
  it('keeps every acknowledged event, every scheduled delivery, and delivers nothing twice', async () => {
    const first = await spawnServer(env);
    processes.push(first);
    const put = await fetch(`${first.url}/api/v1/catalog`, {
      method: 'PUT',
      headers,
      body: JSON.stringify(buildDurabilityCatalog(Date.now())),
    });
    expect(put.status, await put.clone().text()).toBe(200);

    const acknowledged = new Set<string>();
    let stopped = false;
    const clients = Array.from({ length: 6 }, (_, client) =>
      sendUntilStopped(first.url, client, acknowledged, () => stopped),
    );
    await new Promise((resolve) => setTimeout(resolve, 2500));
    first.child.kill('SIGKILL'); // mid-load: requests in flight, commits and dispatches under way
    expect(await first.exited).toBe('SIGKILL');
    stopped = true;
    await Promise.all(clients);
    expect(acknowledged.size).toBeGreaterThan(500);

    const afterCrash = readState();
    const lost = [...acknowledged].filter((id) => !afterCrash.logged.has(id));
    expect(lost).toEqual([]);
    expect(afterCrash.scheduled).toBeGreaterThan(0);

    const second = await spawnServer(env);
    processes.push(second);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // a loop tick dispatches pending deliveries
    second.child.kill('SIGTERM');
    expect(await second.exited, second.stderr()).toBe(0);

    const afterRestart = readState();
    expect([...acknowledged].filter((id) => !afterRestart.logged.has(id))).toEqual([]);
    expect(afterRestart.cursor).toBe(afterRestart.lastPosition); // recover() decided the rest
    expect(afterRestart.scheduled).toBe(afterRestart.deferredOffers); // none taken while quiet
    expect(afterRestart.scheduled).toBeGreaterThanOrEqual(afterCrash.scheduled);
    expect(afterRestart.delivered).toBeGreaterThan(0);
    expect(afterRestart.twiceDelivered).toBe(0);
  }, 90_000);
});
