import {
  evaluateContactPolicy,
  isDisturbingContact,
  nextAllowedContactTime,
  type CaseTouchpointStrategy,
  type CompiledCase,
  type ContactVerdict,
  type CustomerEventType,
  type CustomerProfile,
  type Touchpoint,
} from '@omnitouch/core';
import type { EngineState } from './engine-state';
import { addTrace, type Trace } from './trace';

/**
 * How a matched case would reach the customer: `deliver` now, `defer` to `deliverAt` (quiet hours,
 * strategy delay), or `hold` the offer for an inbound touchpoint the customer is not at yet.
 */
export interface Route {
  readonly compiled: CompiledCase;
  readonly strategy: CaseTouchpointStrategy;
  readonly touchpoint: Touchpoint;
  readonly kind: 'deliver' | 'defer' | 'hold';
  /** Epoch ms; `now` for `deliver` and `hold`. */
  readonly deliverAt: number;
}

/**
 * Tries the case's strategies in preference order and returns the first the contact policy allows
 * or defers. When none does but an inbound touchpoint failed only for want of contact, the case is
 * held for it. Each refusal is traced with its reason code.
 */
export function chooseRoute(
  state: EngineState,
  compiled: CompiledCase,
  profile: CustomerProfile,
  eventType: CustomerEventType | undefined,
  trace: Trace,
): Route | undefined {
  let held: CaseTouchpointStrategy | undefined;
  let heldAt: Touchpoint | undefined;
  const strategies = compiled.strategies;
  for (let s = 0; s < strategies.length; s++) {
    const strategy = strategies[s] as CaseTouchpointStrategy;
    const touchpoint = compiled.touchpoints[s];
    if (touchpoint === undefined) {
      addTrace(trace, compiled.definition.id, 'unknown-touchpoint', strategy.touchpointId);
      continue;
    }
    const inContact = eventType?.inContactAt === touchpoint.id;
    let verdict = evaluateRoute(state, compiled, profile, strategy, touchpoint, inContact);
    if (
      verdict.kind === 'allowed' ||
      (verdict.kind === 'deferred' && state.deps.scheduled !== undefined)
    ) {
      const from = verdict.kind === 'deferred' ? verdict.until : state.now;
      const route = routeNow(state, compiled, profile, strategy, touchpoint, inContact, from);
      // A strategy delay may land the contact on a later local day, whose daily cap must fit it.
      verdict =
        route.deliverAt > from ? evaluateRouteAt(state, route, profile, route.deliverAt) : verdict;
      if (verdict.kind !== 'suppressed') {
        return route;
      }
    }
    const reason = verdict.kind === 'suppressed' ? verdict.reason : 'quiet-hours';
    if (reason === 'not-in-contact' && touchpoint.kind === 'inbound' && held === undefined) {
      held = strategy;
      heldAt = touchpoint;
    }
    addTrace(trace, compiled.definition.id, reason, touchpoint.id, trace && verdictDetail(verdict));
  }
  if (held !== undefined && heldAt !== undefined) {
    return { compiled, strategy: held, touchpoint: heldAt, kind: 'hold', deliverAt: state.now };
  }
  return undefined;
}

/**
 * Checks a chosen deliver or defer route again against the contact policy, now that earlier
 * routes of the same event have recorded their contacts (each route was chosen against the
 * history before the event, so one event could otherwise exceed the daily cap). A refusal is
 * traced with its reason code and the route is dropped; a held route is not a contact.
 */
export function recheckRoute(
  state: EngineState,
  route: Route,
  profile: CustomerProfile,
  inContactAt: string | undefined,
  trace: Trace,
): boolean {
  if (route.kind === 'hold') {
    return true;
  }
  const { compiled, strategy, touchpoint } = route;
  const inContact = inContactAt === touchpoint.id;
  let verdict = evaluateRoute(state, compiled, profile, strategy, touchpoint, inContact);
  if (verdict.kind !== 'suppressed' && route.deliverAt > state.now) {
    verdict = evaluateRouteAt(state, route, profile, route.deliverAt);
  }
  if (verdict.kind !== 'suppressed') {
    return true;
  }
  addTrace(trace, compiled.definition.id, verdict.reason, touchpoint.id, verdict.detail);
  return false;
}

/**
 * The policy's verdict on a deliver or defer route as if asked at its delivery time `at` (the
 * customer is not in contact then): the daily cap of that local day, rolling caps from there.
 */
function evaluateRouteAt(
  state: EngineState,
  route: Route,
  profile: CustomerProfile,
  at: number,
): ContactVerdict {
  const { compiled, strategy, touchpoint } = route;
  return evaluateRoute(state, compiled, profile, strategy, touchpoint, false, at);
}

/** Runs the contact policy on the engine's reusable input. */
export function evaluateRoute(
  state: EngineState,
  compiled: CompiledCase,
  profile: CustomerProfile,
  strategy: CaseTouchpointStrategy,
  touchpoint: Touchpoint,
  inContact: boolean,
  at: number = state.now,
): ContactVerdict {
  const input = state.policyInput;
  input.policy = state.catalog.contactPolicy;
  input.profile = profile;
  input.touchpoint = touchpoint;
  input.strategy = strategy;
  input.marketingCase = compiled.definition;
  input.now = at;
  input.inContact = inContact;
  return evaluateContactPolicy(input);
}

/**
 * A deliver or defer route. A customer in contact gets it at once; otherwise a strategy delay
 * pushes delivery later, and a delayed delivery landing in quiet hours waits for them to end.
 */
function routeNow(
  state: EngineState,
  compiled: CompiledCase,
  profile: CustomerProfile,
  strategy: CaseTouchpointStrategy,
  touchpoint: Touchpoint,
  inContact: boolean,
  allowedFrom: number,
): Route {
  const now = state.now;
  let deliverAt = allowedFrom;
  if (!inContact && strategy.delaySeconds > 0 && state.deps.scheduled !== undefined) {
    deliverAt = Math.max(deliverAt, now + strategy.delaySeconds * 1000);
    const quietHours = touchpoint.quietHours;
    if (quietHours !== undefined && isDisturbingContact(touchpoint, compiled.definition)) {
      const utcOffsetMinutes =
        profile.utcOffsetMinutes ?? state.catalog.contactPolicy.defaultUtcOffsetMinutes;
      deliverAt = nextAllowedContactTime({ quietHours, utcOffsetMinutes, now: deliverAt });
    }
  }
  const kind = deliverAt > now ? 'defer' : 'deliver';
  return { compiled, strategy, touchpoint, kind, deliverAt };
}

function verdictDetail(
  verdict: ContactVerdict,
): Record<string, number | string | boolean> | undefined {
  if (verdict.kind === 'deferred') {
    return { until: verdict.until, scheduler: false };
  }
  return verdict.kind === 'suppressed' ? verdict.detail : undefined;
}
