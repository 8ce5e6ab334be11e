import {
  accepted,
  createCustomerProfile,
  offerOutcomes,
  recordDecline,
  recordTrial,
  rejected,
  type FieldIssue,
  type OfferInstance,
  type OfferOutcome,
  type OutcomeRecord,
  type Validated,
} from '@omnitouch/core';
import type { OutcomeInput } from './decision-engine-api';
import type { EngineState } from './engine-state';

const MS_PER_DAY = 86_400_000;

/** Outcomes that settle whether an offer succeeded; only an offer's first one teaches the propensities. */
const decisiveOutcomes: ReadonlySet<OfferOutcome> = new Set([
  'accepted',
  'converted',
  'declined',
  'unsubscribed',
]);

/**
 * Appends the outcome and learns from it: the first decisive outcome of an offer is one propensity
 * trial (accepted/converted succeed, declined/unsubscribed fail); a decline starts the case's
 * cooldown; an unsubscribe withdraws the customer's consent.
 */
export function recordOfferOutcome(
  state: EngineState,
  input: OutcomeInput,
): Validated<OutcomeRecord> {
  const issues = checkOutcomeInput(input);
  const offer =
    typeof input.offerId === 'string' ? state.deps.offers.get(input.offerId) : undefined;
  if (offer === undefined && issues.length === 0) {
    issues.push({ field: '/offerId', reason: 'unknown offer' });
  }
  if (offer === undefined || issues.length > 0) {
    return rejected(issues);
  }
  const record = toRecord(state, offer, input);
  const earlier = state.deps.outcomes.listForOffer(offer.offerId);
  state.deps.outcomes.append(record);
  if (
    decisiveOutcomes.has(record.outcome) &&
    !earlier.some((o) => decisiveOutcomes.has(o.outcome))
  ) {
    const success = record.outcome === 'accepted' || record.outcome === 'converted';
    recordTrial(state.propensities, offer.caseId, record.touchpointId, success);
  }
  applyOutcomeToProfile(state, offer, record);
  return accepted(record);
}

function checkOutcomeInput(input: OutcomeInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (typeof input.offerId !== 'string' || input.offerId.length === 0) {
    issues.push({ field: '/offerId', reason: 'must be a non-empty string' });
  }
  if (!(offerOutcomes as readonly string[]).includes(input.outcome)) {
    issues.push({ field: '/outcome', reason: `must be one of ${offerOutcomes.join(', ')}` });
  }
  if (input.at !== undefined && !Number.isFinite(input.at)) {
    issues.push({ field: '/at', reason: 'must be epoch milliseconds' });
  }
  if (input.amount !== undefined && !(Number.isFinite(input.amount) && input.amount >= 0)) {
    issues.push({ field: '/amount', reason: 'must be a number >= 0' });
  }
  return issues;
}

function toRecord(state: EngineState, offer: OfferInstance, input: OutcomeInput): OutcomeRecord {
  return {
    offerId: offer.offerId,
    customerId: offer.customerId,
    caseId: offer.caseId,
    touchpointId: offer.presentedOn ?? offer.touchpointIds[0] ?? '',
    outcome: input.outcome,
    at: input.at ?? state.deps.clock.now(),
    ...(input.amount !== undefined && { amount: input.amount }),
    ...(input.staffId !== undefined && { staffId: input.staffId }),
  };
}

function applyOutcomeToProfile(
  state: EngineState,
  offer: OfferInstance,
  record: OutcomeRecord,
): void {
  if (record.outcome !== 'declined' && record.outcome !== 'unsubscribed') {
    return;
  }
  const catalog = state.catalog;
  const profile =
    state.deps.profiles.get(offer.customerId) ??
    createCustomerProfile(offer.customerId, catalog.tagIndex);
  if (record.outcome === 'declined') {
    const days =
      catalog.cases.get(offer.caseId)?.definition.declineCooldownDays ??
      catalog.contactPolicy.defaultDeclineCooldownDays;
    recordDecline(profile, offer.caseId, record.at + days * MS_PER_DAY);
  } else {
    profile.consent.unsubscribed = true;
  }
  state.deps.profiles.put(profile);
}
