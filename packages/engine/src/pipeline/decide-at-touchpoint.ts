import {
  accepted,
  createCustomerProfile,
  rejected,
  type CaseTouchpointStrategy,
  type CompiledCase,
  type CustomerProfile,
  type Decision,
  type DecisionAction,
  type FieldIssue,
  type OfferInstance,
  type Touchpoint,
  type Validated,
} from '@omnitouch/core';
import { presentAndDeliver } from './act-on-route';
import { arbitrateRoutes } from './arbitrate-routes';
import { evaluateRoute } from './choose-route';
import type { DecideRequest } from './decision-engine-api';
import type { EngineState } from './engine-state';
import { isLiveAt } from './match-case';
import { addTrace, type Trace } from './trace';

/** An open offer that the contact policy lets this touchpoint present now. */
interface PresentableOffer {
  readonly offer: OfferInstance;
  readonly compiled: CompiledCase;
  readonly strategy: CaseTouchpointStrategy;
  readonly touchpoint: Touchpoint;
}

/**
 * The inbound path: of the customer's open offers that may be presented here, those the contact
 * policy allows with the customer in contact, arbitrated to the top `limit`, each presented with
 * `tryPresent` so that a rival touchpoint presenting the same offer at once makes this one skip it.
 */
export function decideAtTouchpoint(
  state: EngineState,
  request: DecideRequest,
): Validated<Decision> {
  const issues = checkDecideRequest(state, request);
  if (issues.length > 0) {
    return rejected(issues);
  }
  const touchpoint = state.catalog.touchpoints.get(request.touchpointId) as Touchpoint;
  state.now = state.deps.clock.now();
  state.staffId = request.staffId;
  const trace: Trace = request.explain === true ? [] : undefined;
  const stored = state.deps.profiles.get(request.customerId);
  const profile = stored ?? createCustomerProfile(request.customerId, state.catalog.tagIndex);
  const presentable = presentableOffers(state, touchpoint, profile, trace);
  const limit = request.limit ?? state.catalog.contactPolicy.offersPerInteraction;
  const actions: DecisionAction[] = [];
  if (presentable.length > 0) {
    for (const { route, score } of arbitrateRoutes(state, presentable, limit, trace)) {
      presentAndDeliver(state, route, route.offer, score, profile, actions, trace);
    }
  }
  state.staffId = undefined;
  if (actions.length > 0) {
    state.deps.profiles.put(profile);
  }
  return accepted({ customerId: request.customerId, actions, trace });
}

function checkDecideRequest(state: EngineState, request: DecideRequest): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (typeof request.customerId !== 'string' || request.customerId.length === 0) {
    issues.push({ field: '/customerId', reason: 'must be a non-empty string' });
  }
  if (!state.catalog.touchpoints.has(request.touchpointId)) {
    issues.push({ field: '/touchpointId', reason: 'unknown touchpoint' });
  }
  const limit = request.limit;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
    issues.push({ field: '/limit', reason: 'must be an integer >= 1' });
  }
  return issues;
}

function presentableOffers(
  state: EngineState,
  touchpoint: Touchpoint,
  profile: CustomerProfile,
  trace: Trace,
): PresentableOffer[] {
  const presentable: PresentableOffer[] = [];
  for (const offer of state.deps.offers.listOpen(profile.customerId, state.now)) {
    if (!offer.touchpointIds.includes(touchpoint.id)) {
      continue;
    }
    const compiled = state.catalog.cases.get(offer.caseId);
    if (compiled === undefined) {
      addTrace(trace, offer.caseId, 'case-not-live', touchpoint.id);
      continue;
    }
    if (!isLiveAt(compiled.definition, state.now, trace)) {
      continue;
    }
    const strategy = strategyFor(compiled, touchpoint.id);
    if (strategy === undefined) {
      addTrace(trace, offer.caseId, 'unknown-touchpoint', touchpoint.id);
      continue;
    }
    const verdict = evaluateRoute(state, compiled, profile, strategy, touchpoint, true);
    if (verdict.kind === 'allowed') {
      presentable.push({ offer, compiled, strategy, touchpoint });
    } else {
      const reason = verdict.kind === 'suppressed' ? verdict.reason : 'quiet-hours';
      addTrace(
        trace,
        offer.caseId,
        reason,
        touchpoint.id,
        verdict.kind === 'suppressed' ? verdict.detail : undefined,
      );
    }
  }
  return presentable;
}

function strategyFor(
  compiled: CompiledCase,
  touchpointId: string,
): CaseTouchpointStrategy | undefined {
  for (const strategy of compiled.strategies) {
    if (strategy.touchpointId === touchpointId) {
      return strategy;
    }
  }
  return undefined;
}
