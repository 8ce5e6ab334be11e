import type {
  CustomerEvent,
  Decision,
  DecisionAction,
  DecisionCatalog,
  LocalizedText,
  TraceEntry,
} from '@omnitouch/core';
import { describeReason, notApplicableReasons } from './reason-labels';

const chinaOffsetMs = 8 * 3_600_000;

/** "12-01 14:32" in China Standard Time. */
export function formatChinaTime(ms: number): string {
  return new Date(ms + chinaOffsetMs).toISOString().slice(5, 16).replace('T', ' ');
}

const bilingual = (text: LocalizedText | undefined, fallback: string): string =>
  text === undefined ? fallback : `${text['zh-CN']} ${text.en}`;

/** The headline of an event: time, customer, type (both languages) and its properties. */
export function describeEvent(event: CustomerEvent, catalog: DecisionCatalog): string {
  const type = catalog.eventTypes.get(event.type);
  const properties = Object.entries(event.properties)
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(' ');
  return `${formatChinaTime(event.occurredAt)}  客户 ${event.customerId}  ${bilingual(type?.name, event.type)}  ${properties}`.trimEnd();
}

/** Lines for each action: which case, which touchpoint, and the offer text in both languages. */
export function describeAction(
  action: DecisionAction,
  catalog: DecisionCatalog,
  prefix = '',
): string[] {
  const caseName = catalog.cases.get(action.offer.caseId)?.definition.name;
  const caseLine = `营销案 case ${bilingual(caseName, action.offer.caseId)}`;
  if (action.kind === 'hold') {
    const at = action.offer.touchpointIds
      .map((id) => catalog.touchpoints.get(id)?.name['zh-CN'] ?? id)
      .join(' / ');
    return [
      `   ⌂ ${prefix}${caseLine}`,
      `       等待客户到访 held until the customer comes to: ${at}`,
    ];
  }
  const touchpoint = bilingual(
    catalog.touchpoints.get(action.touchpointId)?.name,
    action.touchpointId,
  );
  const when =
    action.kind === 'defer' ? `  延迟至 deferred to ${formatChinaTime(action.deliverAt)}` : '';
  return [
    `   ${action.kind === 'defer' ? '⏸' : '✓'} ${prefix}${caseLine}`,
    `       → ${touchpoint} [${action.deliveryMethod}]${when}`,
    `         zh-CN: ${action.content['zh-CN']}`,
    `         en:    ${action.content.en}`,
  ];
}

/**
 * The suppressions worth telling a reader about: not the cases that simply did not apply, and not
 * `not-in-contact` (an inbound touchpoint the customer is not at; the offer is held for it instead).
 */
export function suppressionsOf(decision: Decision): TraceEntry[] {
  return (decision.trace ?? []).filter(
    (entry) => !notApplicableReasons.has(entry.reason) && !quietReasons.has(entry.reason),
  );
}

const quietReasons: ReadonlySet<string> = new Set([
  'chosen',
  'deferred',
  'held-for-inbound',
  'not-in-contact',
]);

/** "✗ case @ touchpoint — suppressed: reason", with the reason in both languages. */
export function describeSuppression(entry: TraceEntry, catalog: DecisionCatalog): string {
  const caseName = catalog.cases.get(entry.caseId)?.definition.name['zh-CN'] ?? entry.caseId;
  const touchpoint =
    entry.touchpointId === undefined
      ? ''
      : ` @ ${catalog.touchpoints.get(entry.touchpointId)?.name['zh-CN'] ?? entry.touchpointId}`;
  return `   ✗ ${caseName}${touchpoint} — 抑制 suppressed: ${describeReason(entry.reason)}`;
}

/** The full narration of one event: headline, actions, then up to three suppressions. */
export function narrateDecision(
  event: CustomerEvent,
  decision: Decision,
  catalog: DecisionCatalog,
  presented: readonly DecisionAction[],
): string[] {
  const suppressions = suppressionsOf(decision);
  const lines = [
    describeEvent(event, catalog),
    ...decision.actions.flatMap((a) => describeAction(a, catalog)),
  ];
  lines.push(
    ...presented.flatMap((a) =>
      describeAction(a, catalog, '到访时呈现先前报价 held offer presented now: '),
    ),
  );
  lines.push(...suppressions.slice(0, 3).map((s) => describeSuppression(s, catalog)));
  if (suppressions.length > 3) {
    lines.push(
      `   … 另有 ${suppressions.length - 3} 条抑制 and ${suppressions.length - 3} more suppressions`,
    );
  }
  if (lines.length === 1) {
    lines.push('   · 无匹配营销案 no case matched');
  }
  return lines;
}
