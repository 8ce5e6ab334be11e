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
import { chooseRoute, recheckRoute, type Route } from './choose-route';
import type { IngestOptions } from './decision-engine-api';
import type { EngineState } from './engine-state';
import { matchCase } from './match-case';
import { openOffer } from './open-offer';
import { evaluateTargets } from './target-matches';
import { evaluateTriggers } from './trigger-matches';
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
  let event = input;
  if (options?.validatedAgainst !== catalog) {
    const validated = validateCustomerEvent(input, catalog);
    if (!validated.ok) {
      return rejected(validated.issues);
    }
    event = validated.value;
  }
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

/** Whether any of the cases has a trigger condition; remembered per (immutable) case list. */
function hasTriggerConditions(cases: readonly CompiledCase[]): boolean {
  let known = conditionedCaseLists.get(cases);
  if (known === undefined) {
    known = cases.some((compiled) => compiled.trigger !== undefined);
    conditionedCaseLists.set(cases, known);
  }
  return known;
}

const conditionedCaseLists = new WeakMap<readonly CompiledCase[], boolean>();

function decideForCases(
  state: EngineState,
  cases: readonly CompiledCase[],
  profile: CustomerProfile,
  event: CustomerEvent,
  trace: Trace,
): readonly DecisionAction[] {
  const eventType = state.catalog.eventTypes.get(event.type);
  const targets = evaluateTargets(state, event.type, cases.length, profile);
  // Most events reach no case's audience: the loop below would skip every case, as long as no
  // trigger condition throws for this event (see `evaluateTriggers`), so return at once.
  if (
    targets !== undefined &&
    state.targets.count === 0 &&
    !trace &&
    (!hasTriggerConditions(cases) || evaluateTriggers(state, cases, profile, event) !== undefined)
  ) {
    return noActions;
  }
  // Only needed to skip a case with a condition whose audience excludes the customer.
  const triggers =
    targets === undefined || trace ? undefined : evaluateTriggers(state, cases, profile, event);
  let contacts: Route[] | undefined;
  let holds: Route[] | undefined;
  for (let k = 0; k < cases.length; k++) {
    const compiled = cases[k] as CompiledCase;
    // Most cases fail on their audience: with no trigger condition left to run (none, or already
    // run without throwing in the event type's set) and nothing to trace, matchCase would return
    // false after only pure checks, so skip the call.
    if (
      targets !== undefined &&
      targets[k] === 0 &&
      (compiled.trigger === undefined || triggers !== undefined) &&
      !trace
    ) {
      continue;
    }
    if (!matchCase(state, compiled, profile, event, trace, targets, k, triggers)) {
      continue;
    }
    const route = chooseRoute(state, compiled, profile, eventType, trace);
    // `[route]` first, not `[]` then a push: a pushed-to empty array makes room for 17.
    if (route?.kind === 'hold') {
      if (holds === undefined) {
        holds = [route];
      } else {
        holds.push(route);
      }
    } else if (route !== undefined) {
      if (contacts === undefined) {
        contacts = [route];
      } else {
        contacts.push(route);
      }
    }
  }
  if (contacts === undefined && holds === undefined) {
    return noActions;
  }
  const actions: DecisionAction[] = [];
  if (contacts !== undefined) {
    const perInteraction = state.catalog.contactPolicy.offersPerInteraction;
    const inContactAt = eventType?.inContactAt;
    let contacted = 0;
    for (const { route, score } of arbitrateRoutes(state, contacts, perInteraction, trace)) {
      // Each route passed the policy alone; the contacts this event already made count too.
      if (contacted > 0 && !recheckRoute(state, route, profile, inContactAt, trace)) {
        continue;
      }
      actOnRoute(
        state,
        route,
        openOffer(state, route, score, profile, event),
        profile,
        actions,
        trace,
      );
      contacted += 1;
    }
  }
  // Held offers are not contacts yet: they are arbitrated when the inbound touchpoint decides.
  if (holds !== undefined) {
    for (const route of holds) {
      const offer = openOffer(state, route, scoreRoute(state, route), profile, event);
      actOnRoute(state, route, offer, profile, actions, trace);
    }
  }
  return actions;
}
