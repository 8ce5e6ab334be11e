import {
  accepted,
  applyEventToProfile,
  createCustomerProfile,
  rejected,
  validateCustomerEvent,
  type CompiledCase,
  type CustomerEvent,
  type CustomerProfile,
  type Decision,
  type DecisionAction,
  type Validated,
} from '@omnitouch/core';
import { actOnRoute } from './act-on-route';
import { arbitrateRoutes, scoreRoute } from './arbitrate-routes';
import { chooseRoute, type Route } from './choose-route';
import type { IngestOptions } from './decision-engine-api';
import type { EngineState } from './engine-state';
import { matchCase } from './match-case';
import { openOffer } from './open-offer';
import type { Trace } from './trace';

/** Shared by every decision without actions, so the common no-match event allocates no array. */
const noActions: readonly DecisionAction[] = Object.freeze([]);

/**
 * The event path: validate, fold into the profile, match the cases its type triggers (the trigger
 * index, never a scan), route each through the contact policy, arbitrate, open offers and act.
 * A rejected event changes nothing.
 */
export function ingestEvent(
  state: EngineState,
  input: CustomerEvent,
  options: IngestOptions | undefined,
): Validated<Decision> {
  const catalog = state.catalog;
  const validated = validateCustomerEvent(input, catalog);
  if (!validated.ok) {
    return rejected(validated.issues);
  }
  const event = validated.value;
  state.now = state.deps.clock.now();
  state.staffId = undefined;
  const trace: Trace = options?.explain === true ? [] : undefined;
  const profile = profileFor(state, event.customerId);
  applyEventToProfile(profile, event, catalog, state.now);
  const cases = catalog.casesByEventType.get(event.type);
  const actions =
    cases === undefined ? noActions : decideForCases(state, cases, profile, event, trace);
  state.deps.profiles.put(profile);
  return accepted({ customerId: event.customerId, actions, trace });
}

function profileFor(state: EngineState, customerId: string): CustomerProfile {
  return (
    state.deps.profiles.get(customerId) ?? createCustomerProfile(customerId, state.catalog.tagIndex)
  );
}

function decideForCases(
  state: EngineState,
  cases: readonly CompiledCase[],
  profile: CustomerProfile,
  event: CustomerEvent,
  trace: Trace,
): readonly DecisionAction[] {
  const eventType = state.catalog.eventTypes.get(event.type);
  let contacts: Route[] | undefined;
  let holds: Route[] | undefined;
  for (const compiled of cases) {
    if (!matchCase(state, compiled, profile, event, trace)) {
      continue;
    }
    const route = chooseRoute(state, compiled, profile, eventType, trace);
    if (route?.kind === 'hold') {
      (holds ??= []).push(route);
    } else if (route !== undefined) {
      (contacts ??= []).push(route);
    }
  }
  if (contacts === undefined && holds === undefined) {
    return noActions;
  }
  const actions: DecisionAction[] = [];
  if (contacts !== undefined) {
    const perInteraction = state.catalog.contactPolicy.offersPerInteraction;
    for (const { route, score } of arbitrateRoutes(state, contacts, perInteraction, trace)) {
      actOnRoute(
        state,
        route,
        openOffer(state, route, score, profile, event),
        profile,
        actions,
        trace,
      );
    }
  }
  // Held offers are not contacts yet: they are arbitrated when the inbound touchpoint decides.
  for (const route of holds ?? noRoutes) {
    actOnRoute(
      state,
      route,
      openOffer(state, route, scoreRoute(state, route), profile, event),
      profile,
      actions,
      trace,
    );
  }
  return actions;
}

const noRoutes: readonly Route[] = Object.freeze([]);
