import type { DecisionEngine, DecisionEngineDeps } from './decision-engine-api';
import { decideAtTouchpoint } from './decide-at-touchpoint';
import { createEngineState, loadCatalogInto } from './engine-state';
import { ingestEvent } from './ingest-event';
import { recordOfferOutcome } from './record-outcome';
import { takeDueDeliveries } from './take-due-deliveries';

/**
 * Builds the decision pipeline over its ports. The engine keeps the catalog, learned propensities
 * and per-touchpoint flow control in memory; everything about customers and offers lives in the
 * stores, so several engines can share them.
 */
export function createDecisionEngine(deps: DecisionEngineDeps): DecisionEngine {
  const state = createEngineState(deps);
  return {
    loadCatalog: (catalog) => loadCatalogInto(state, catalog),
    ingest: (event, options) => ingestEvent(state, event, options),
    decide: (request) => decideAtTouchpoint(state, request),
    recordOutcome: (input) => recordOfferOutcome(state, input),
    takeDueDeliveries: (now, limit) => takeDueDeliveries(state, now, limit),
  };
}
