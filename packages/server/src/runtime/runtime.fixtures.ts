import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defaultContactPolicy,
  type CatalogSnapshot,
  type DecisionAction,
  type Touchpoint,
} from '@omnitouch/core';
import { StaffScreenHub } from '@omnitouch/channels';
import {
  createSqliteStores,
  openSqliteDatabase,
  type SqliteDatabase,
  type SqliteStores,
} from '@omnitouch/store-sqlite';
import type { DecisionJournal, DeliveryService } from '../delivery/delivery-service';
import {
  attribute,
  category,
  eventType,
  marketingCase,
  tag,
  touchpoint,
} from '../testing/catalog-fixtures';
import { createDecisionRuntime, type DecisionRuntimeDeps } from './create-decision-runtime';
import type { DecisionRuntime } from './decision-runtime';

/** The catalog fixtures as one snapshot: `top-up` ≥ 50 by a 5G user with ARPU > 50 → SMS offer. */
export function buildRuntimeCatalog(
  overrides: { touchpoint?: Partial<Touchpoint> } = {},
): CatalogSnapshot {
  return {
    tagCatalog: { categories: [category], tags: [tag], attributes: [attribute] },
    eventTypes: [eventType],
    touchpoints: [{ ...touchpoint, ...overrides.touchpoint }],
    cases: [marketingCase],
    contactPolicy: defaultContactPolicy,
  };
}

/** A `DeliveryService` that records what it was given (a test double until the real one is wired). */
export interface RecordingDelivery extends DeliveryService {
  readonly enqueued: DecisionAction[];
  readonly flushes: number;
  readonly runDueCalls: number[];
}

export function createRecordingDelivery(): RecordingDelivery {
  const state = { flushes: 0 };
  const enqueued: DecisionAction[] = [];
  const runDueCalls: number[] = [];
  return {
    hub: new StaffScreenHub(),
    enqueued,
    runDueCalls,
    get flushes() {
      return state.flushes;
    },
    enqueue: (actions) => void enqueued.push(...actions),
    flush: () => {
      state.flushes += 1;
      return Promise.resolve();
    },
    runDue: (now) => {
      runDueCalls.push(now);
      return Promise.resolve(0);
    },
    listDeadLetters: () => [],
    retryDeadLetter: () => Promise.resolve(false),
  };
}

export type JournalEntry = Parameters<DecisionJournal['recordDecision']>[0];

export function createRecordingJournal(): DecisionJournal & { readonly entries: JournalEntry[] } {
  const entries: JournalEntry[] = [];
  return { entries, recordDecision: (entry) => void entries.push(entry) };
}

/** A runtime over a fresh SQLite file, with recording delivery and journal. */
export interface RuntimeHarness {
  readonly runtime: DecisionRuntime;
  readonly db: SqliteDatabase;
  readonly stores: SqliteStores<CatalogSnapshot>;
  readonly delivery: RecordingDelivery;
  readonly journal: ReturnType<typeof createRecordingJournal>;
  readonly file: string;
  /** A second runtime on the same file (what a restarted process builds). */
  reopen(): RuntimeHarness;
  close(): void;
}

export function createRuntimeHarness(
  options: Partial<Omit<DecisionRuntimeDeps, 'db' | 'stores' | 'delivery' | 'journal'>> & {
    file?: string;
  } = {},
): RuntimeHarness {
  const dir =
    options.file === undefined ? mkdtempSync(join(tmpdir(), 'omnitouch-runtime-')) : undefined;
  const file = options.file ?? join(dir ?? '', 'omnitouch.db');
  const db = openSqliteDatabase(file);
  const stores = createSqliteStores<CatalogSnapshot>(db);
  const delivery = createRecordingDelivery();
  const journal = createRecordingJournal();
  const runtime = createDecisionRuntime({
    clock: { now: () => Date.UTC(2026, 5, 1, 4) }, // 12:00 in China: outside quiet hours
    catalog: buildRuntimeCatalog(),
    ...options,
    db,
    stores,
    delivery,
    journal,
  });
  return {
    runtime,
    db,
    stores,
    delivery,
    journal,
    file,
    reopen: () => {
      db.close();
      return createRuntimeHarness({ ...options, file });
    },
    close: () => {
      if (db.open) {
        db.close();
      }
      if (dir !== undefined) {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
