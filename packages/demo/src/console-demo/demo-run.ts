import type { CustomerEvent, Decision, DecisionAction } from '@omnitouch/core';
import { generateEventStream } from '../synthetic-operator/operator-event-stream';
import {
  createSeededRandom,
  deriveSeed,
  type SeededRandom,
} from '../synthetic-operator/seeded-random';
import { HighlightPicker, type HighlightKind } from './demo-highlights';
import { buildDemoOperator, type DemoOperator } from './demo-operator';
import type { DemoOptions } from './demo-options';
import {
  createDemoTally,
  tallyAction,
  tallyIngest,
  tallyOutcome,
  type DemoTally,
} from './demo-tally';
import { describeAction, formatChinaTime, narrateDecision, suppressionsOf } from './narration';

/** What the demo needs from its surroundings: output, Ctrl-C, pacing and a wall clock (ms). */
export interface DemoIo {
  print(line: string): void;
  isStopped(): boolean;
  sleep(ms: number): Promise<void>;
  wallNow(): number;
}

const tickMs = 100;
const ticksPerHighlight = 5;
const simulatedSpanMs = 24 * 3_600_000;

interface RunState {
  readonly operator: DemoOperator;
  readonly tally: DemoTally;
  readonly picker: HighlightPicker;
  readonly random: SeededRandom;
  readonly io: DemoIo;
}

/**
 * Streams one simulated day of live events through the engine in `options.seconds` of wall time
 * (or until Ctrl-C), narrating a moment every half second, and returns the tallies.
 */
export async function runConsoleDemo(
  options: DemoOptions,
  io: DemoIo,
): Promise<{ tally: DemoTally; operator: DemoOperator; wallSeconds: number }> {
  let started = io.wallNow();
  const operator = buildDemoOperator(options.seed, options.customers);
  io.print(
    `已载入 ${options.customers.toLocaleString('en-US')} 位客户 Loaded ${options.customers.toLocaleString('en-US')} customers in ${((io.wallNow() - started) / 1000).toFixed(1)} s`,
  );
  const total = Math.round(options.rate * options.seconds);
  const events = generateEventStream({
    seed: options.seed,
    catalog: operator.catalog.snapshot,
    customers: options.customers,
    startAt: operator.startAt,
    eventsPerSecond: total / (simulatedSpanMs / 1000),
    count: total,
  });
  io.print(
    `回放一天的实时事件 Replaying one simulated day (${formatChinaTime(operator.startAt)} → ${formatChinaTime(operator.startAt + simulatedSpanMs)}) in ${options.seconds} s at ${options.rate.toLocaleString('en-US')} events/s. Ctrl-C stops early.`,
  );
  io.print('图例 Legend: ✓ 投放 delivered   ⏸ 延迟 deferred   ⌂ 等待到访 held   ✗ 抑制 suppressed');
  io.print('');
  const state: RunState = {
    operator,
    tally: createDemoTally(),
    picker: new HighlightPicker(),
    random: createSeededRandom(deriveSeed(options.seed, 'outcomes')),
    io,
  };
  const perTick = Math.max(1, Math.round((options.rate * tickMs) / 1000));
  started = io.wallNow();
  for (
    let tick = 1, done = false;
    !done && !io.isStopped() && io.wallNow() - started < options.seconds * 1000;
    tick++
  ) {
    const tickStarted = io.wallNow();
    const before = operator.clock.now();
    for (let i = 0; i < perTick && !done; i++) {
      const next = events.next();
      if (next.done === true) {
        done = true;
      } else {
        ingestEvent(state, next.value);
      }
    }
    deliverDue(state);
    const boundary = quietHoursBoundary(before, operator.clock.now());
    if (tick % ticksPerHighlight === 0 || boundary.length > 0) {
      printLines(io, state.picker.take());
    }
    printLines(io, boundary);
    await io.sleep(Math.max(0, tickMs - (io.wallNow() - tickStarted)));
  }
  return { tally: state.tally, operator, wallSeconds: (io.wallNow() - started) / 1000 };
}

function ingestEvent(state: RunState, event: CustomerEvent): void {
  const { engine, clock, catalog } = state.operator;
  clock.set(event.occurredAt);
  const started = performance.now();
  const result = engine.ingest(event, { explain: true });
  const inContactAt = catalog.eventTypes.get(event.type)?.inContactAt;
  let presented: readonly DecisionAction[] = [];
  if (result.ok && inContactAt !== undefined) {
    // The customer is at the touchpoint now: offers held for it earlier can be presented too.
    const decided = engine.decide({ customerId: event.customerId, touchpointId: inContactAt });
    presented = decided.ok ? decided.value.actions : [];
  }
  state.tally.engineMs += performance.now() - started;
  if (!result.ok) {
    state.tally.rejected++;
    return;
  }
  tallyIngest(state.tally, result.value, catalog);
  for (const action of presented) {
    tallyAction(state.tally, action, catalog);
    state.tally.heldPresented++;
  }
  respond(state, [...result.value.actions, ...presented]);
  offerHighlight(state, event, result.value, presented, inContactAt);
}

function offerHighlight(
  state: RunState,
  event: CustomerEvent,
  decision: Decision,
  presented: readonly DecisionAction[],
  inContactAt: string | undefined,
): void {
  const kinds: HighlightKind[] = decision.actions.map((a) =>
    a.kind === 'deliver' ? (a.touchpointId === inContactAt ? 'in-contact' : 'deliver') : a.kind,
  );
  if (presented.length > 0) {
    kinds.push('presented');
  }
  if (suppressionsOf(decision).length > 0) {
    kinds.push('suppressed');
  }
  const wanted = kinds.find((kind) => state.picker.wants(kind));
  if (wanted !== undefined) {
    state.picker.offer(wanted, narrateDecision(event, decision, state.operator.catalog, presented));
  }
}

/** Deferred contacts that fell due (quiet hours over, delays passed) go out now. */
function deliverDue(state: RunState): void {
  const { engine, clock, catalog } = state.operator;
  const started = performance.now();
  const due = engine.takeDueDeliveries(clock.now(), 1_000_000);
  state.tally.engineMs += performance.now() - started;
  state.tally.dueSkipped += due.skipped.length;
  for (const action of due.actions) {
    tallyAction(state.tally, action, catalog);
    state.tally.dueDelivered++;
    if (state.picker.wants('due')) {
      const header = `${formatChinaTime(clock.now())}  客户 ${action.offer.customerId}  到期投放 a deferred contact is due`;
      state.picker.offer('due', [header, ...describeAction(action, catalog)]);
    }
  }
  respond(state, due.actions);
}

/** Simulated customers: 6 % accept a delivered offer, 10 % decline it (which starts a cool-down). */
function respond(state: RunState, actions: readonly DecisionAction[]): void {
  for (const action of actions) {
    if (action.kind !== 'deliver') {
      continue;
    }
    const roll = state.random.next();
    const outcome = roll < 0.06 ? 'accepted' : roll < 0.16 ? 'declined' : undefined;
    if (
      outcome !== undefined &&
      state.operator.engine.recordOutcome({ offerId: action.offer.offerId, outcome }).ok
    ) {
      tallyOutcome(state.tally, outcome);
    }
  }
}

/** A banner when the simulated clock crossed 21:00 or 08:00 China time, the SMS quiet hours. */
function quietHoursBoundary(before: number, now: number): string[] {
  const crossed = (hour: number) => {
    const dayOf = (ms: number) => Math.floor((ms + (8 - hour) * 3_600_000) / 86_400_000);
    return dayOf(now) > dayOf(before);
  };
  if (crossed(21)) {
    return [
      '──── 21:00 免打扰时段开始 quiet hours begin: 短信/外呼延迟到 08:00 SMS and outbound calls wait until 08:00 ────',
    ];
  }
  if (crossed(8)) {
    return [
      '──── 08:00 免打扰结束 quiet hours over: 延迟的联系开始投放 deferred contacts go out now ────',
    ];
  }
  return [];
}

function printLines(io: DemoIo, lines: readonly string[]): void {
  for (const line of lines) {
    io.print(line);
  }
  if (lines.length > 0) {
    io.print('');
  }
}
