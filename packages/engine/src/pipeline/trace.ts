import type { ReasonCode, TraceEntry } from '@omnitouch/core';

/** An explain trace being built, or `undefined` when nobody asked: then tracing allocates nothing. */
export type Trace = TraceEntry[] | undefined;

/** Appends an entry when tracing; callers build `detail` only behind their own `trace !== undefined`. */
export function addTrace(
  trace: Trace,
  caseId: string,
  reason: ReasonCode,
  touchpointId?: string,
  detail?: TraceEntry['detail'],
): void {
  if (trace === undefined) {
    return;
  }
  const entry: { -readonly [K in keyof TraceEntry]: TraceEntry[K] } = { caseId, reason };
  if (touchpointId !== undefined) {
    entry.touchpointId = touchpointId;
  }
  if (detail !== undefined) {
    entry.detail = detail;
  }
  trace.push(entry);
}
