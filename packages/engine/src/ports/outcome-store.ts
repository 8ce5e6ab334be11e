import type { OutcomeRecord } from '@omnitouch/core';

/** Every reported outcome, in arrival order; the source of effect analysis and learned propensities. */
export interface OutcomeStore {
  append(outcome: OutcomeRecord): void;
  listForOffer(offerId: string): OutcomeRecord[];
}
