import type { DecisionAction, TraceEntry } from '@omnitouch/core';
import type { DueDeliveries } from './decision-engine-api';
import type { EngineState } from './engine-state';

const nothingDue: DueDeliveries = Object.freeze({ actions: [], skipped: [] });

/**
 * Takes the deferred deliveries due at `now` (each handed out once by the store) and presents each
 * offer on its touchpoint. One presented elsewhere meanwhile (the customer walked into a store), or
 * no longer open, is skipped as `already-presented`. The contact was recorded when it was deferred.
 */
export function takeDueDeliveries(state: EngineState, now: number, limit: number): DueDeliveries {
  const scheduled = state.deps.scheduled;
  if (scheduled === undefined) {
    return nothingDue;
  }
  const offers = state.deps.offers;
  const actions: DecisionAction[] = [];
  const skipped: TraceEntry[] = [];
  for (const due of scheduled.takeDue(now, limit)) {
    const presented = offers.tryPresent(due.offerId, due.touchpointId, now);
    const offer = offers.get(due.offerId);
    if (!presented || offer === undefined) {
      skipped.push({
        caseId: due.caseId,
        touchpointId: due.touchpointId,
        reason: 'already-presented',
        detail: { offerId: due.offerId, state: offer?.state ?? 'unknown' },
      });
      continue;
    }
    actions.push({
      kind: 'deliver',
      offer,
      touchpointId: due.touchpointId,
      deliveryMethod: due.deliveryMethod,
      content: due.content,
      at: now,
    });
  }
  return { actions, skipped };
}
