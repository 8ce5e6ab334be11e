export { createDecisionEngine } from './decision-engine';
export type {
  DecideRequest,
  DecisionEngine,
  DecisionEngineDeps,
  DueDeliveries,
  IngestOptions,
  OutcomeInput,
} from './decision-engine-api';
