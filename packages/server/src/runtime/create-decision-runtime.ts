import {
  accepted,
  compileDecisionCatalog,
  rejected,
  type CatalogSnapshot,
  type CustomerEvent,
  type Decision,
  type DecisionCatalog,
} from '@omnitouch/core';
import { createDecisionEngine, type Clock } from '@omnitouch/engine';
import {
  createOpenOfferCache,
  GroupCommitter,
  SqlitePipelineCursor,
  type GroupCommitOptions,
  type SqliteDatabase,
  type SqliteStores,
} from '@omnitouch/store-sqlite';
import type { DecisionJournal, DeliveryService } from '../delivery/delivery-service';
import type { Metrics } from '../metrics';
import type { DecisionRuntime, IngestReceipt } from './decision-runtime';
import { validateEventBatch } from './event-batch';
import { createDecidingAppender } from './deciding-appender';
import { createEventProcessor, type PendingEvent } from './event-processor';
import { createProfileCache } from './profile-cache';
import { combineRuntimeCaches } from './runtime-caches';
import { applyProfileChange, checkProfileChanges } from './profile-changes';
import { createDeliveryLoop } from './delivery-loop';
import { recordDecisionMetrics } from './decision-metrics';
import { createTimeOrderedIds } from './time-ordered-ids';

/** What the runtime is built from; the composition root (or a test) passes every part in. */
export interface DecisionRuntimeDeps {
  readonly db: SqliteDatabase;
  readonly stores: Pick<
    SqliteStores,
    'profiles' | 'offers' | 'outcomes' | 'scheduledDeliveries' | 'eventLog'
  >;
  /** When concurrent ingest calls are committed together (see `GroupCommitOptions`). */
  readonly groupCommit?: GroupCommitOptions;
  readonly clock: Clock;
  /** The catalog to start with (the catalog service's current snapshot). */
  readonly catalog: CatalogSnapshot;
  readonly delivery: DeliveryService;
  readonly journal: DecisionJournal;
  readonly metrics?: Metrics;
  /** Where a bug in the background loop or the pipeline is reported (the app's logger). */
  readonly onError?: (error: unknown, context: string) => void;
  /** Period of the due-deliveries loop; 1000 ms by default. */
  readonly loopIntervalMs?: number;
  /** Offer ids; time-ordered UUIDs (`createTimeOrderedIds`) by default. */
  readonly newOfferId?: () => string;
}

/**
 * Builds the runtime: the engine over write-back caches of profiles and offers on the SQLite stores
 * (docs/decisions/0005-ingest-write-path.md), a group committer that appends AND decides each group of concurrent calls in one transaction, and a
 * persisted cursor so every acknowledged event is decided exactly once — in the commit that made
 * it durable or, if that path failed or the process died in between, by `recover()`.
 */
export function createDecisionRuntime(deps: DecisionRuntimeDeps): DecisionRuntime {
  let catalog = compileOrThrow(deps.catalog);
  const profiles = createProfileCache(deps.stores.profiles);
  // Every offer write goes through the engine, i.e. through this cache: it stays coherent.
  const offers = createOpenOfferCache(deps.stores.offers);
  const caches = combineRuntimeCaches(profiles, offers);
  const engine = createDecisionEngine({
    profiles,
    offers,
    outcomes: deps.stores.outcomes,
    scheduled: deps.stores.scheduledDeliveries,
    clock: deps.clock,
    catalog,
    newOfferId: deps.newOfferId ?? createTimeOrderedIds(() => deps.clock.now()),
  });
  const pending = new Map<string, PendingEvent>();
  const inFlight = new Set<Promise<unknown>>();
  const onError = deps.onError ?? (() => undefined);
  const processor = createEventProcessor(
    {
      db: deps.db,
      engine,
      cursor: new SqlitePipelineCursor(deps.db, 'decisions'),
      caches,
      delivery: deps.delivery,
      journal: deps.journal,
      now: () => deps.clock.now(),
      ...(deps.metrics && {
        onDecided: (decision: Decision, seconds: number) =>
          recordDecisionMetrics(deps.metrics as Metrics, 'event', decision, seconds),
      }),
      onFailed: (event, error) => onError(error, `deciding event ${event.eventId}`),
    },
    pending,
  );
  const settleEnqueued = (committed: boolean): void => deps.delivery.settleEnqueued?.(committed);
  // Wrapped once: better-sqlite3's `transaction()` builds four wrapper functions and defines five
  // properties on each, which per decide request was 1.8 % of the server's CPU (decide bench).
  const runInTransaction = deps.db.transaction((work: () => unknown): unknown => {
    deps.delivery.writeRecords?.();
    const done = work();
    caches.flush();
    return done;
  });
  const inTransaction = <T>(work: () => T): T => {
    let result: T;
    try {
      result = runInTransaction(work) as T;
    } catch (error) {
      settleEnqueued(false);
      caches.discard();
      throw error;
    }
    settleEnqueued(true);
    return result;
  };
  const loop = createDeliveryLoop({
    engine,
    delivery: deps.delivery,
    journal: deps.journal,
    clock: deps.clock,
    inTransaction,
    onError,
    intervalMs: deps.loopIntervalMs ?? 1000,
  });

  // Batches whose caller asked for explain traces, and the catalog each batch was validated against
  // (validated arrays are fresh per call): the engine then skips validating those events again.
  const explained = new WeakSet<readonly CustomerEvent[]>();
  const validatedBy = new WeakMap<readonly CustomerEvent[], DecisionCatalog>();
  const committer = new GroupCommitter(
    createDecidingAppender({
      db: deps.db,
      eventLog: deps.stores.eventLog,
      processor,
      caches,
      pending,
      isExplained: (batch) => explained.has(batch),
      validatedAgainst: (batch) => validatedBy.get(batch),
      settleEnqueued,
      writeRecords: () => deps.delivery.writeRecords?.(),
    }),
    deps.groupCommit,
  );

  async function appendAndDecide(
    events: readonly CustomerEvent[],
    explain: boolean,
    validatedAgainst: DecisionCatalog,
  ): Promise<IngestReceipt> {
    if (explain) {
      explained.add(events);
    }
    validatedBy.set(events, validatedAgainst);
    // Acknowledged (resolved) only once the group's transaction has committed: durable.
    const { added, decisions } = await committer.append(events);
    return { accepted: added, duplicates: events.length - added, decisions };
  }

  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
    return work;
  };

  return {
    engine,
    currentCatalog: () => catalog,
    async ingest(inputs, options) {
      const current = catalog;
      const validated = validateEventBatch(inputs, current);
      if (!validated.ok) {
        return rejected(validated.issues);
      }
      if (validated.value.length === 0) {
        return accepted({ accepted: 0, duplicates: 0, decisions: [] });
      }
      const receipt = await track(
        appendAndDecide(validated.value, options?.explain === true, current),
      );
      // Only a call that enqueued deliveries dispatches: a flush with nothing pending still costs a
      // write transaction (the lease), and the loop picks up anything left behind.
      if (receipt.decisions.some(hasDelivery)) {
        await deps.delivery.flush();
      }
      return accepted(receipt);
    },
    checkEvents(inputs) {
      const validated = validateEventBatch(inputs, catalog);
      return validated.ok ? [] : validated.issues;
    },
    checkProfileChanges: (changes) => checkProfileChanges(changes, catalog),
    applyProfileChanges(changes) {
      const issues = checkProfileChanges(changes, catalog);
      if (issues.length > 0) {
        return rejected(issues);
      }
      const current = catalog;
      inTransaction(() =>
        changes.forEach((change) => applyProfileChange(change, current, profiles)),
      );
      return accepted({ applied: changes.length });
    },
    decide(request) {
      const started = performance.now();
      const result = inTransaction(() => {
        const decided = engine.decide(request);
        if (decided.ok) {
          deps.journal.recordDecision({
            at: deps.clock.now(),
            trigger: 'decide',
            decision: decided.value,
          });
        }
        return decided;
      });
      if (result.ok && deps.metrics) {
        recordDecisionMetrics(
          deps.metrics,
          'decide',
          result.value,
          (performance.now() - started) / 1000,
        );
      }
      return result;
    },
    recordOutcome: (input) => inTransaction(() => engine.recordOutcome(input)),
    applyCatalog(snapshot) {
      const compiled = compileDecisionCatalog(snapshot, catalog.tagIndex);
      if (!compiled.ok) {
        return compiled.issues;
      }
      catalog = compiled.value;
      engine.loadCatalog(catalog);
      return [];
    },
    recover: () => processor.catchUp(),
    start: () => loop.start(),
    async stop() {
      await loop.stop();
      committer.flush();
      await Promise.allSettled([...inFlight]);
      await deps.delivery.flush();
      inTransaction(() => undefined); // writes the last in-process deliveries' records
    },
  };
}

function hasDelivery(decision: Decision): boolean {
  return decision.actions.some((action) => action.kind === 'deliver');
}

function compileOrThrow(snapshot: CatalogSnapshot): DecisionCatalog {
  const compiled = compileDecisionCatalog(snapshot);
  if (!compiled.ok) {
    const issues = compiled.issues.map((issue) => `${issue.field}: ${issue.reason}`).join('; ');
    throw new Error(`the starting catalog does not compile: ${issues}`);
  }
  return compiled.value;
}
