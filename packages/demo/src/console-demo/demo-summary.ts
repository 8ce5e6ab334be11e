import type { DecisionCatalog } from '@omnitouch/core';
import type { DemoTally } from './demo-tally';
import { reasonLabels } from './reason-labels';

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Two-column rows with the figures right-aligned, under a bilingual heading. */
function table(heading: string, rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(0, ...rows.map(([label]) => displayWidth(label)));
  const valueWidth = Math.max(0, ...rows.map(([, value]) => value.length));
  return [
    heading,
    ...rows.map(
      ([label, value]) =>
        `  ${label}${' '.repeat(width - displayWidth(label))}  ${value.padStart(valueWidth)}`,
    ),
  ];
}

/** Terminal columns of `text`: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    width += /[\u2E80-\uFFEF]/.test(char) ? 2 : 1;
  }
  return width;
}

/** The closing summary: events, offers, deliveries per touchpoint, suppressions, disturbances, speed. */
export function formatSummary(
  tally: DemoTally,
  catalog: DecisionCatalog,
  wallSeconds: number,
): string[] {
  const nameOf = (id: string) => {
    const name = catalog.touchpoints.get(id)?.name;
    return name === undefined ? id : `${name['zh-CN']} ${name.en}`;
  };
  const deliveries = [...tally.deliveriesByTouchpoint].sort((a, b) => b[1] - a[1]);
  // `not-in-contact` is no suppression for a reader: the offer waits at that touchpoint instead.
  const suppressions = [...tally.suppressions]
    .filter(([reason]) => reason !== 'not-in-contact')
    .sort((a, b) => b[1] - a[1]);
  const perCustomer = [...tally.disturbances.values()];
  const disturbed = perCustomer.length;
  const total = perCustomer.reduce((sum, n) => sum + n, 0);
  const policy = catalog.contactPolicy;
  return [
    '',
    '════ 汇总 Summary ════',
    ...table('事件与报价 Events and offers', [
      ['事件 events ingested', count(tally.events)],
      [
        '产生报价的事件 events producing an offer',
        `${count(tally.eventsWithOffer)} (${((100 * tally.eventsWithOffer) / Math.max(1, tally.events)).toFixed(1)} %)`,
      ],
      [
        '立即投放 delivered at once',
        count(sumValues(tally.deliveriesByTouchpoint) - tally.dueDelivered - tally.heldPresented),
      ],
      ['延迟投放 deferred (quiet hours, delays)', count(tally.deferred)],
      ['  到期已投放 of which delivered when due', count(tally.dueDelivered)],
      ['等待到访 held for an inbound touchpoint', count(tally.held)],
      [
        '  客户不在的入向触点 inbound touchpoints the customer was not at',
        count(tally.suppressions.get('not-in-contact') ?? 0),
      ],
      ['  到访时呈现 presented when the customer came in', count(tally.heldPresented)],
      [
        '客户接受 accepted / 拒绝 declined',
        `${count(tally.outcomes.get('accepted') ?? 0)} / ${count(tally.outcomes.get('declined') ?? 0)}`,
      ],
    ]),
    ...table(
      '各触点投放 Deliveries per touchpoint',
      deliveries.map(([id, n]) => [nameOf(id), count(n)]),
    ),
    ...table(
      '抑制原因 Suppressed (case, touchpoint) pairs by reason',
      suppressions.map(([reason, n]) => [
        `${reasonLabels[reason][0]} ${reasonLabels[reason][1]} (${reason})`,
        count(n),
      ]),
    ),
    ...table(
      `打扰次数 Disturbing contacts per customer (cap ${policy.disturbancesPerDay}/day, ${policy.disturbancesPer30Days}/30 days)`,
      [
        ['被打扰客户 customers disturbed', count(disturbed)],
        ['人均 average per disturbed customer', (total / Math.max(1, disturbed)).toFixed(2)],
        ['最多 most for one customer', count(Math.max(0, ...perCustomer))],
      ],
    ),
    ...table('速度 Speed', [
      [
        '引擎吞吐 engine throughput (events/s)',
        count(tally.events / Math.max(1e-9, tally.engineMs / 1000)),
      ],
      [
        '演示节奏 demo pace (events/s, paced for reading)',
        count(tally.events / Math.max(1e-9, wallSeconds)),
      ],
    ]),
  ];
}

function sumValues(map: ReadonlyMap<unknown, number>): number {
  let sum = 0;
  for (const n of map.values()) {
    sum += n;
  }
  return sum;
}
