import { contactPolicyReasons, type Decision, type ReasonCode } from '@omnitouch/core';
import type { Metrics } from '../metrics';

/** Reasons in a trace that mean "this case was wanted but the contact policy said no". */
const suppressionReasons: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  ...contactPolicyReasons,
  'capacity',
]);

// One label object per trigger, made once: this runs for every decided event.
const triggerLabels = { event: { trigger: 'event' }, decide: { trigger: 'decide' } } as const;

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
  const labels = triggerLabels[trigger];
  metrics.decisions.inc(labels);
  metrics.decisionLatency.observe(labels, seconds);
  if (decision.trace === undefined) {
    return;
  }
  for (const entry of decision.trace) {
    if (suppressionReasons.has(entry.reason)) {
      metrics.suppressions.inc({ reason: entry.reason });
    }
  }
}
