import {
  type CompiledCase,
  type CustomerEvent,
  type CustomerProfile,
  type OfferInstance,
} from '@omnitouch/core';
import type { EngineState } from './engine-state';
import type { Route } from './choose-route';
import { renderOfferContent } from './offer-content';

/** Each compiled case's touchpoint ids in preference order, built once per case, not per offer. */
const touchpointIdsByCase = new WeakMap<CompiledCase, readonly string[]>();

function touchpointIdsOf(compiled: CompiledCase): readonly string[] {
  let ids = touchpointIdsByCase.get(compiled);
  if (ids === undefined) {
    ids = Object.freeze(compiled.strategies.map((strategy) => strategy.touchpointId));
    touchpointIdsByCase.set(compiled, ids);
  }
  return ids;
}

/**
 * Creates the one open offer of this (customer, case) in the offer store. It may be presented on
 * any of the case's touchpoints and lasts the chosen strategy's `validForSeconds` from when it can
 * first be delivered (a deferred offer must not expire in the queue). Its content is the strategy's
 * template filled from the customer's attributes and, overriding them, the event's properties.
 */
export function openOffer(
  state: EngineState,
  route: Route,
  score: number,
  profile: CustomerProfile,
  event: CustomerEvent,
): OfferInstance {
  const definition = route.compiled.definition;
  const offer: OfferInstance = {
    offerId: state.newOfferId(),
    customerId: profile.customerId,
    caseId: definition.id,
    caseVersion: definition.version,
    eventId: event.eventId,
    createdAt: state.now,
    expiresAt: route.deliverAt + route.strategy.validForSeconds * 1000,
    touchpointIds: touchpointIdsOf(route.compiled),
    score,
    content: renderOfferContent(route.strategy.template, profile, event),
    state: 'open',
    // Set now, not when presented: an offer keeps one hidden class through its whole life.
    presentedOn: undefined,
    presentedAt: undefined,
  };
  state.deps.offers.create(offer);
  return offer;
}
