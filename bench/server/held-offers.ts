import type { CatalogSnapshot, CustomerEvent } from '@omnitouch/core';
import type { BenchServer } from './omnitouch-server';
import { requestJson } from './operator-setup';

/** A customer with an offer held open for an inbound touchpoint: a decide request that finds one. */
export interface HeldOffer {
  readonly customerId: string;
  readonly touchpointId: string;
}

interface ExplainedReceipt {
  readonly decisions?: readonly {
    readonly customerId: string;
    readonly actions: readonly {
      readonly kind: string;
      readonly offer: { readonly touchpointIds: readonly string[] };
    }[];
  }[];
}

/**
 * Ingests `events` (those without `inContactAt`: the customer is not in contact, so inbound offers
 * are held, not shown) in explained batches until `wanted` held offers for unstaffed inbound
 * touchpoints are known or `budgetMs` is spent. Staffed screens are left out: their per-minute
 * capacity, not the decision, would decide what a decide call returns.
 */
export async function collectHeldOffers(
  server: BenchServer,
  snapshot: CatalogSnapshot,
  events: readonly CustomerEvent[],
  options: { readonly wanted: number; readonly budgetMs: number; readonly batch?: number },
): Promise<{ readonly held: HeldOffer[]; readonly eventsSent: number }> {
  const inContact = new Set(
    snapshot.eventTypes.filter((t) => t.inContactAt !== undefined).map((t) => t.id),
  );
  const unstaffedInbound = new Set(
    snapshot.touchpoints.filter((t) => t.kind === 'inbound' && t.staffed !== true).map((t) => t.id),
  );
  const candidates = events.filter((event) => !inContact.has(event.type));
  const batch = options.batch ?? 500;
  const held = new Map<string, HeldOffer>();
  const deadline = performance.now() + options.budgetMs;
  let sent = 0;
  while (held.size < options.wanted && sent < candidates.length && performance.now() < deadline) {
    const chunk = candidates
      .slice(sent, sent + batch)
      .map((event, i) => ({ ...event, eventId: `prep-${sent + i}` }));
    sent += chunk.length;
    const receipt = (await requestJson(server, 'POST', '/api/v1/events?explain=true', {
      events: chunk,
    })) as ExplainedReceipt;
    for (const decision of receipt.decisions ?? []) {
      for (const action of decision.actions) {
        const touchpointId = action.offer.touchpointIds.find((id) => unstaffedInbound.has(id));
        if (action.kind === 'hold' && touchpointId !== undefined) {
          const offer = { customerId: decision.customerId, touchpointId };
          held.set(`${offer.customerId}/${touchpointId}`, offer);
        }
      }
    }
  }
  return { held: [...held.values()], eventsSent: sent };
}
