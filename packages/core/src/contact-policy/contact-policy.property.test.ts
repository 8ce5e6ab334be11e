import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Touchpoint } from '../touchpoint/touchpoint.schema';
import { recordContact } from './contact-history';
import {
  buildCase,
  buildPolicy,
  buildProfile,
  buildStrategy,
  buildTouchpoint,
  day,
  fixedNow,
  hour,
} from './contact-policy.fixtures';
import { isDisturbingContact } from './disturbing-contact';
import { evaluateContactPolicy } from './evaluate-contact-policy';
import { isInQuietHours } from './quiet-hours';

/** Covers the 30-day global window plus the longest possible deferral (72 h). */
const retentionDays = 33;

const localTime = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 59))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const touchpointArb = fc.record({
  kind: fc.constantFrom('inbound' as const, 'outbound' as const),
  isDisturbance: fc.boolean(),
  quietHours: fc.option(
    fc.record({
      start: localTime,
      end: localTime,
      action: fc.constantFrom('defer' as const, 'drop' as const),
      deferMaxHours: fc.option(fc.integer({ min: 1, max: 72 }), { nil: undefined }),
    }),
    { nil: undefined },
  ),
});

const scenarioArb = fc.record({
  globalCap: fc.integer({ min: 0, max: 8 }),
  dailyCap: fc.integer({ min: 0, max: 4 }),
  utcOffsetMinutes: fc.integer({ min: -720, max: 840 }),
  touchpoints: fc.array(touchpointArb, { minLength: 1, maxLength: 4 }),
  transactional: fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
  attempts: fc.array(
    fc.record({
      // Bursts (several attempts in one quiet window) mixed with gaps of up to 40 hours, so runs
      // also span several 30-day windows.
      gapMinutes: fc.oneof(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 40 * 60 })),
      touchpoint: fc.nat(),
      marketingCase: fc.nat(),
      inContact: fc.boolean(),
    }),
    { minLength: 1, maxLength: 150 },
  ),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

/** Makes every attempt the policy lets through (deferred ones at their `until`); returns them. */
function runAttempts(scenario: Scenario) {
  const policy = buildPolicy({
    disturbancesPer30Days: scenario.globalCap,
    disturbancesPerDay: scenario.dailyCap,
  });
  const profile = buildProfile({ utcOffsetMinutes: scenario.utcOffsetMinutes });
  const touchpoints: Touchpoint[] = scenario.touchpoints.map((t, i) =>
    buildTouchpoint({ ...t, id: `tp-${i}` }),
  );
  const cases = scenario.transactional.map((transactional, i) =>
    buildCase({ id: `case-${i}`, transactional }),
  );
  const made: { at: number; disturbing: boolean }[] = [];
  let now = fixedNow;
  for (const attempt of scenario.attempts) {
    now += attempt.gapMinutes * 60_000;
    const touchpoint = touchpoints[attempt.touchpoint % touchpoints.length];
    const marketingCase = cases[attempt.marketingCase % cases.length];
    if (touchpoint === undefined || marketingCase === undefined) {
      throw new Error('unreachable: modulo of a non-empty list');
    }
    const strategy = buildStrategy({ touchpointId: touchpoint.id });
    const input = { policy, profile, touchpoint, strategy, marketingCase, now };
    const verdict = evaluateContactPolicy({ ...input, inContact: attempt.inContact });
    if (verdict.kind === 'suppressed') {
      continue;
    }
    const at = verdict.kind === 'deferred' ? verdict.until : now;
    if (verdict.kind === 'deferred') {
      const maxHours = touchpoint.quietHours?.deferMaxHours ?? 12;
      expect(at).toBeLessThanOrEqual(now + maxHours * hour);
      expect(
        isInQuietHours({
          quietHours: touchpoint.quietHours,
          utcOffsetMinutes: scenario.utcOffsetMinutes,
          now: at,
        }),
      ).toBe(false);
    }
    const disturbing = isDisturbingContact(touchpoint, marketingCase);
    const caseId = marketingCase.id;
    recordContact(profile, { at, touchpointId: touchpoint.id, caseId, disturbing }, retentionDays);
    made.push({ at, disturbing });
  }
  return made;
}

function maxInRollingWindow(times: readonly number[], windowMs: number): number {
  let max = 0;
  for (const start of times) {
    max = Math.max(max, times.filter((t) => t >= start && t < start + windowMs).length);
  }
  return max;
}

function maxPerLocalDay(times: readonly number[], utcOffsetMinutes: number): number {
  const perDay = new Map<number, number>();
  for (const t of times) {
    const localDay = Math.floor((t + utcOffsetMinutes * 60_000) / day);
    perDay.set(localDay, (perDay.get(localDay) ?? 0) + 1);
  }
  return Math.max(0, ...perDay.values());
}

describe('contact policy invariants', () => {
  it('never lets a rolling 30 days or a local day exceed the disturbance caps', () => {
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const made = runAttempts(scenario);
        const disturbing = made.filter((c) => c.disturbing).map((c) => c.at);
        expect(maxInRollingWindow(disturbing, 30 * day)).toBeLessThanOrEqual(scenario.globalCap);
        expect(maxPerLocalDay(disturbing, scenario.utcOffsetMinutes)).toBeLessThanOrEqual(
          scenario.dailyCap,
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('lets some disturbances through when the caps allow them (the generator is not vacuous)', () => {
    const scenario: Scenario = {
      globalCap: 3,
      dailyCap: 1,
      utcOffsetMinutes: 480,
      touchpoints: [{ kind: 'outbound', isDisturbance: true, quietHours: undefined }],
      transactional: [false],
      attempts: Array.from({ length: 10 }, () => ({
        gapMinutes: 12 * 60,
        touchpoint: 0,
        marketingCase: 0,
        inContact: false,
      })),
    };
    expect(runAttempts(scenario)).toHaveLength(3);
  });
});
