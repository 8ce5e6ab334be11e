export {
  arbitrateOffers,
  type ArbitrationOptions,
  type ArbitrationRejectionReason,
  type ArbitrationResult,
} from './arbitrate-offers';
export {
  compareCandidates,
  rankCandidates,
  type ArbitrationCandidate,
  type ScoredCandidate,
} from './rank-candidates';
export {
  createPropensityTable,
  propensityOf,
  recordTrial,
  type PropensityTable,
  type PropensityTrials,
} from './propensity-table';
export { createFlowControl, tryTakeCapacity, type FlowControl } from './flow-control';
