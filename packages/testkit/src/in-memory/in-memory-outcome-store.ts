import type { OutcomeRecord } from '@omnitouch/core';
import type { OutcomeStore } from '@omnitouch/engine';

/** An `OutcomeStore` that keeps outcomes in arrival order, indexed by offer. */
export class InMemoryOutcomeStore implements OutcomeStore {
  private readonly byOffer = new Map<string, OutcomeRecord[]>();

  append(outcome: OutcomeRecord): void {
    const list = this.byOffer.get(outcome.offerId);
    if (list === undefined) {
      this.byOffer.set(outcome.offerId, [outcome]);
    } else {
      list.push(outcome);
    }
  }

  listForOffer(offerId: string): OutcomeRecord[] {
    return this.byOffer.get(offerId)?.slice() ?? [];
  }
}
