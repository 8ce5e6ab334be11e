import type { OfferOutcome, OutcomeRecord } from '@omnitouch/core';

/** One row of the `outcomes` table, as better-sqlite3 reads and binds it. */
export interface OutcomeRow {
  offer_id: string;
  customer_id: string;
  case_id: string;
  touchpoint_id: string;
  outcome: OfferOutcome;
  at: number;
  amount: number | null;
  staff_id: string | null;
}

/** The `outcomes` columns that make an `OutcomeRow`, in SELECT-list form. */
export const outcomeColumns =
  'offer_id, customer_id, case_id, touchpoint_id, outcome, at, amount, staff_id';

/** The row that stores `outcome`; absent optional fields become NULL. */
export function outcomeToRow(outcome: OutcomeRecord): OutcomeRow {
  return {
    offer_id: outcome.offerId,
    customer_id: outcome.customerId,
    case_id: outcome.caseId,
    touchpoint_id: outcome.touchpointId,
    outcome: outcome.outcome,
    at: outcome.at,
    amount: outcome.amount ?? null,
    staff_id: outcome.staffId ?? null,
  };
}

/** The outcome a row stores; NULL optional fields are left out. */
export function outcomeFromRow(row: OutcomeRow): OutcomeRecord {
  return {
    offerId: row.offer_id,
    customerId: row.customer_id,
    caseId: row.case_id,
    touchpointId: row.touchpoint_id,
    outcome: row.outcome,
    at: row.at,
    // Spread only what was recorded, so a round-tripped record deep-equals the one appended.
    ...(row.amount !== null && { amount: row.amount }),
    ...(row.staff_id !== null && { staffId: row.staff_id }),
  };
}
