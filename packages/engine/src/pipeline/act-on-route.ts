import {
  isDisturbingContact,
  recordContact,
  type CaseTouchpointStrategy,
  type CompiledCase,
  type CustomerProfile,
  type DecisionAction,
  type OfferInstance,
  type Touchpoint,
} from '@omnitouch/core';
import type { Route } from './choose-route';
import type { EngineState } from './engine-state';
import { addTrace, type Trace } from './trace';

/** Where and how an offer is presented: the case, its strategy for the touchpoint, the touchpoint. */
export interface PresentationTarget {
  readonly compiled: CompiledCase;
  readonly strategy: CaseTouchpointStrategy;
  readonly touchpoint: Touchpoint;
}

/**
 * Turns an opened offer into its action: `hold` it for the inbound touchpoint, `defer` it to the
 * scheduled-delivery store, or present it now (`tryPresent`) and `deliver`. Deliveries and deferrals
 * are recorded on the profile as contacts (a deferral at its delivery time, so caps see it).
 */
export function actOnRoute(
  state: EngineState,
  route: Route,
  offer: OfferInstance,
  profile: CustomerProfile,
  actions: DecisionAction[],
  trace: Trace,
): void {
  const touchpoint = route.touchpoint;
  const caseId = offer.caseId;
  switch (route.kind) {
    case 'hold':
      actions.push({ kind: 'hold', offer });
      addTrace(trace, caseId, 'held-for-inbound', touchpoint.id);
      return;
    case 'defer':
      deferDelivery(state, route, offer, profile, actions);
      addTrace(trace, caseId, 'deferred', touchpoint.id, trace && { deliverAt: route.deliverAt });
      return;
    case 'deliver':
      presentAndDeliver(state, route, offer, offer.score, profile, actions, trace);
      return;
    default: {
      const unreachable: never = route.kind;
      throw new Error(`unknown route kind ${String(unreachable)}`);
    }
  }
}

/**
 * Presents the offer on the touchpoint (the atomic cross-touchpoint step) and, when this call won,
 * records the contact and adds a `deliver` action; the loser is traced `already-presented`.
 */
export function presentAndDeliver(
  state: EngineState,
  target: PresentationTarget,
  offer: OfferInstance,
  score: number,
  profile: CustomerProfile,
  actions: DecisionAction[],
  trace: Trace,
): boolean {
  const { compiled, strategy, touchpoint } = target;
  const now = state.now;
  if (!state.deps.offers.tryPresent(offer.offerId, touchpoint.id, now)) {
    addTrace(
      trace,
      offer.caseId,
      'already-presented',
      touchpoint.id,
      trace && { offerId: offer.offerId },
    );
    return false;
  }
  recordDeliveredContact(state, compiled, touchpoint, profile, now);
  actions.push({
    kind: 'deliver',
    offer,
    touchpointId: touchpoint.id,
    deliveryMethod: strategy.deliveryMethod ?? touchpoint.preferredDeliveryMethod,
    content: offer.content,
    at: now,
  });
  addTrace(trace, offer.caseId, 'chosen', touchpoint.id, trace && { score });
  return true;
}

function deferDelivery(
  state: EngineState,
  route: Route,
  offer: OfferInstance,
  profile: CustomerProfile,
  actions: DecisionAction[],
): void {
  const { touchpoint, strategy, deliverAt } = route;
  const deliveryMethod = strategy.deliveryMethod ?? touchpoint.preferredDeliveryMethod;
  // chooseRoute defers only when a scheduled-delivery store is configured.
  state.deps.scheduled?.schedule({
    offerId: offer.offerId,
    customerId: offer.customerId,
    caseId: offer.caseId,
    touchpointId: touchpoint.id,
    deliveryMethod,
    content: offer.content,
    deliverAt,
    expiresAt: offer.expiresAt,
  });
  recordDeliveredContact(state, route.compiled, touchpoint, profile, deliverAt);
  actions.push({
    kind: 'defer',
    offer,
    touchpointId: touchpoint.id,
    deliveryMethod,
    content: offer.content,
    deliverAt,
    expiresAt: offer.expiresAt,
  });
}

function recordDeliveredContact(
  state: EngineState,
  compiled: CompiledCase,
  touchpoint: Touchpoint,
  profile: CustomerProfile,
  at: number,
): void {
  const disturbing = isDisturbingContact(touchpoint, compiled.definition);
  recordContact(
    profile,
    { at, touchpointId: touchpoint.id, caseId: compiled.definition.id, disturbing },
    state.retentionDays,
  );
}
