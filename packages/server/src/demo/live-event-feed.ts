import type { CatalogSnapshot, Decision } from '@omnitouch/core';
import { generateEventStream } from '@omnitouch/demo';
import type { DecisionRuntime } from '../runtime/decision-runtime';

/** A customer with an offer held open for an inbound touchpoint: what the banner's curl asks about. */
export interface OpenOfferSpotlight {
  readonly customerId: string;
  readonly touchpointId: string;
  readonly caseId: string;
}

/** The running generator: counters, the latest open offer it saw, and `stop`. */
export interface LiveEventFeed {
  stats(): { readonly sent: number; readonly offers: number };
  /**
   * The most recent customer whose event opened an offer for the preferred touchpoint (or, unless
   * `preferredOnly`, for any inbound touchpoint when there is none yet).
   */
  spotlight(options?: { readonly preferredOnly?: boolean }): OpenOfferSpotlight | undefined;
  /** Stops generating and waits for the batch in flight. */
  stop(): Promise<void>;
}

export interface LiveEventFeedOptions {
  readonly runtime: Pick<DecisionRuntime, 'ingest'>;
  readonly snapshot: CatalogSnapshot;
  readonly seed: number;
  readonly customers: number;
  readonly eventsPerSecond: number;
  readonly now: () => number;
  /** Where a failed batch is reported (the app's logger); the feed keeps going. */
  readonly onError?: (error: unknown) => void;
  /** Touchpoint preferred for the spotlight (the store clerk's screen). */
  readonly preferredTouchpointId?: string;
}

const tickMs = 100;

/**
 * Feeds synthetic operator events into `runtime.ingest` at `eventsPerSecond`, one batch a tick,
 * stamped with the wall clock and with ids unique to this start (so a restart on the same data
 * directory is not deduplicated away), and watches the decisions for offers held open.
 */
export function startLiveEventFeed(options: LiveEventFeedOptions): LiveEventFeed {
  const startedAt = options.now();
  const inbound = new Set(
    options.snapshot.touchpoints.filter((t) => t.kind === 'inbound').map((t) => t.id),
  );
  const stream = generateEventStream({
    seed: options.seed ^ startedAt,
    catalog: options.snapshot,
    customers: options.customers,
    startAt: startedAt,
    eventsPerSecond: options.eventsPerSecond,
  });
  const state = { sent: 0, offers: 0, due: 0 };
  // The latest open offer for the preferred touchpoint, and the latest for any inbound one.
  let spotlight: OpenOfferSpotlight | undefined;
  let anySpotlight: OpenOfferSpotlight | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let isBusy = false;

  const watch = (decisions: readonly Decision[]) => {
    for (const decision of decisions) {
      state.offers += decision.actions.length;
      for (const action of decision.actions) {
        const touchpointId = pickInbound(
          action.offer.touchpointIds,
          inbound,
          options.preferredTouchpointId,
        );
        if (action.kind === 'hold' && touchpointId !== undefined) {
          const found = {
            customerId: decision.customerId,
            touchpointId,
            caseId: action.offer.caseId,
          };
          spotlight = touchpointId === options.preferredTouchpointId ? found : spotlight;
          anySpotlight = found;
        }
      }
    }
  };

  const tick = async () => {
    const target = Math.floor(((options.now() - startedAt) * options.eventsPerSecond) / 1000);
    const batch = [];
    while (state.due < target) {
      const next = stream.next();
      if (next.done === true) {
        break;
      }
      batch.push({
        ...next.value,
        eventId: `live-${startedAt}-${state.due}`,
        occurredAt: options.now(),
      });
      state.due += 1;
    }
    if (batch.length === 0) {
      return;
    }
    const receipt = await options.runtime.ingest(batch);
    if (receipt.ok) {
      state.sent += receipt.value.accepted;
      watch(receipt.value.decisions);
    } else {
      options.onError?.(
        new Error(`demo events refused: ${JSON.stringify(receipt.issues.slice(0, 3))}`),
      );
    }
  };

  const timer = setInterval(() => {
    if (isBusy) {
      return; // the previous batch is still being committed: this tick's events join the next
    }
    isBusy = true;
    inFlight = tick()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        isBusy = false;
      });
  }, tickMs);

  return {
    stats: () => ({ sent: state.sent, offers: state.offers }),
    spotlight: (options) =>
      options?.preferredOnly === true ? spotlight : (spotlight ?? anySpotlight),
    stop: async () => {
      clearInterval(timer);
      await inFlight;
    },
  };
}

function pickInbound(
  touchpointIds: readonly string[],
  inbound: ReadonlySet<string>,
  preferred: string | undefined,
): string | undefined {
  if (preferred !== undefined && touchpointIds.includes(preferred)) {
    return preferred;
  }
  return touchpointIds.find((id) => inbound.has(id));
}
