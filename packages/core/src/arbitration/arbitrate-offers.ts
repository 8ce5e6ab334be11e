import { rankCandidates, type ArbitrationCandidate, type ScoredCandidate } from './rank-candidates';

export type ArbitrationRejectionReason = 'outranked' | 'capacity';

/** Chosen candidates best first; every other candidate once, in ranking order, with why it lost. */
export interface ArbitrationResult {
  readonly chosen: ScoredCandidate[];
  readonly rejected: { candidate: ScoredCandidate; reason: ArbitrationRejectionReason }[];
}

/**
 * `perTouchpointLimit`: offers per touchpoint at most. `hasCapacity` is asked once per candidate
 * that would otherwise be chosen, in ranking order, and never again for a touchpoint once it said
 * false, so it may take a flow-control token (`tryTakeCapacity`) each time it says true.
 */
export interface ArbitrationOptions {
  readonly perTouchpointLimit: number;
  hasCapacity(touchpointId: string): boolean;
}

/**
 * Whether neither the case nor a full touchpoint rules the candidate out. A scan of the few chosen
 * so far instead of a Set and a Map: arbitration runs for every event, and those two allocations
 * cost more than the scan for the handful of offers one event yields.
 */
function canStillChoose(
  chosen: readonly ScoredCandidate[],
  caseId: string,
  touchpointId: string,
  perTouchpointLimit: number,
): boolean {
  let slotsUsed = 0;
  for (const other of chosen) {
    if (other.caseId === caseId) {
      return false;
    }
    slotsUsed += other.touchpointId === touchpointId ? 1 : 0;
  }
  return slotsUsed < perTouchpointLimit;
}

/**
 * Picks the offers to make: ranks candidates by score = P × V × C × L, then greedily takes each
 * whose case is not yet chosen (at most one touchpoint per case), whose touchpoint has a free slot
 * (top `perTouchpointLimit`) and capacity. A case that loses on one touchpoint falls back to its
 * next-best candidate. Losers are 'capacity' when their touchpoint is out of capacity, else 'outranked'.
 */
export function arbitrateOffers(
  candidates: readonly ArbitrationCandidate[],
  options: ArbitrationOptions,
): ArbitrationResult {
  const ranked = rankCandidates(candidates);
  const chosen: ScoredCandidate[] = [];
  const rejected: ArbitrationResult['rejected'] = [];
  let withoutCapacity: string[] | undefined;
  for (const candidate of ranked) {
    const { caseId, touchpointId } = candidate;
    if (!canStillChoose(chosen, caseId, touchpointId, options.perTouchpointLimit)) {
      rejected.push({ candidate, reason: 'outranked' });
    } else if (
      withoutCapacity?.includes(touchpointId) === true ||
      !options.hasCapacity(touchpointId)
    ) {
      (withoutCapacity ??= []).push(touchpointId);
      rejected.push({ candidate, reason: 'capacity' });
    } else {
      chosen.push(candidate);
    }
  }
  return { chosen, rejected };
}
