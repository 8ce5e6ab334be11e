import type { CompiledCase, CustomerEvent, CustomerProfile, MarketingCase } from '@omnitouch/core';
import type { EngineState } from './engine-state';
import { addTrace, type Trace } from './trace';

/**
 * Whether a case triggered by `event` applies to this customer now: live, inside its validity window,
 * trigger condition and target rule hold, and no offer of it is already open for the customer.
 * Traces the first failed check with its reason code. `targets[position]`, when given, is the
 * case's target rule already evaluated for this customer (the event type's rule set);
 * `triggers[position]`, when given, is its trigger condition already evaluated for this event.
 */
export function matchCase(
  state: EngineState,
  compiled: CompiledCase,
  profile: CustomerProfile,
  event: CustomerEvent,
  trace: Trace,
  targets?: Uint8Array,
  position = 0,
  triggers?: Uint8Array,
): boolean {
  const definition = compiled.definition;
  const now = state.now;
  // The compiled copies first (one hidden class for all cases); the definition only to trace why.
  const liveNow = compiled.live && now >= compiled.validFrom && now < compiled.validUntil;
  if (!liveNow && !isLiveAt(definition, now, trace)) {
    return false;
  }
  const input = state.ruleInput;
  input.profile = profile;
  input.event = event;
  input.now = now;
  if (
    compiled.trigger !== undefined &&
    !triggerHolds(compiled.trigger, input, triggers, position)
  ) {
    addTrace(trace, definition.id, 'trigger-not-matched');
    return false;
  }
  if (!isInTarget(compiled, input, targets, position)) {
    addTrace(trace, definition.id, 'rule-not-matched');
    return false;
  }
  const open = state.deps.offers.findOpen(profile.customerId, definition.id, now);
  if (open !== undefined) {
    addTrace(trace, definition.id, 'already-open', undefined, trace && { offerId: open.offerId });
    return false;
  }
  return true;
}

/** Live status and `validFrom <= now < validUntil`; traces `case-not-live` or `outside-validity`. */
export function isLiveAt(definition: MarketingCase, now: number, trace: Trace): boolean {
  if (definition.status !== 'live') {
    addTrace(
      trace,
      definition.id,
      'case-not-live',
      undefined,
      trace && { status: definition.status },
    );
    return false;
  }
  if (now < definition.validFrom || now >= definition.validUntil) {
    addTrace(trace, definition.id, 'outside-validity');
    return false;
  }
  return true;
}

function triggerHolds(
  trigger: NonNullable<CompiledCase['trigger']>,
  input: EngineState['ruleInput'],
  triggers: Uint8Array | undefined,
  position: number,
): boolean {
  return triggers !== undefined ? triggers[position] === 1 : trigger(input);
}

function isInTarget(
  compiled: CompiledCase,
  input: EngineState['ruleInput'],
  targets: Uint8Array | undefined,
  position: number,
): boolean {
  if (targets !== undefined) {
    return targets[position] === 1;
  }
  // The target rule sees the profile only: audiences do not depend on the triggering event.
  input.event = undefined;
  return compiled.target(input);
}
