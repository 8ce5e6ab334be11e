import { contactPolicyReasons, type Decision, type ReasonCode } from '@omnitouch/core';
import type { Metrics } from '../metrics';

/** Reasons in a trace that mean "this case was wanted but the contact policy said no". */
const suppressionReasons: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  ...contactPolicyReasons,
  'capacity',
]);

/**
 * Counts one decision and its latency. Suppressions by reason come from the explain trace, so they
 * are counted only for decisions made with `explain` (a trace per event would cost allocations).
 */
export function recordDecisionMetrics(
  metrics: Metrics,
  trigger: 'event' | 'decide',
  decision: Decision,
  seconds: number,
): void {
  metrics.decisions.inc({ trigger });
  metrics.decisionLatency.observe({ trigger }, seconds);
  for (const entry of decision.trace ?? []) {
    if (suppressionReasons.has(entry.reason)) {
      metrics.suppressions.inc({ reason: entry.reason });
    }
  }
}
