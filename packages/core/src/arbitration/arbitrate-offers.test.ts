import { describe, expect, it } from 'vitest';
import { arbitrateOffers } from './arbitrate-offers';
import { rankCandidates, type ArbitrationCandidate } from './rank-candidates';

function candidate(
  caseId: string,
  touchpointId: string,
  value: number,
  overrides: Partial<ArbitrationCandidate> = {},
): ArbitrationCandidate {
  return { caseId, touchpointId, propensity: 0.1, value, contextWeight: 1, lever: 1, ...overrides };
}

const unlimited = { perTouchpointLimit: 3, hasCapacity: () => true };
const ids = (list: readonly { caseId: string; touchpointId: string }[]) =>
  list.map((c) => `${c.caseId}@${c.touchpointId}`);

describe(rankCandidates.name, () => {
  it.each([
    [
      'by score, highest first',
      [candidate('a', 'sms', 10), candidate('b', 'sms', 30)],
      ['b@sms', 'a@sms'],
    ],
    ['ties by case id', [candidate('b', 'sms', 10), candidate('a', 'sms', 10)], ['a@sms', 'b@sms']],
    [
      'ties of one case by touchpoint id',
      [candidate('a', 'sms', 10), candidate('a', 'app', 10)],
      ['a@app', 'a@sms'],
    ],
    [
      'the product of all four factors',
      [
        candidate('a', 'sms', 100, { propensity: 0.01 }), // 1
        candidate('b', 'sms', 10, { lever: 2 }), // 2
        candidate('c', 'sms', 10, { contextWeight: 1.5 }), // 1.5
      ],
      ['b@sms', 'c@sms', 'a@sms'],
    ],
    [
      'a NaN score as 0',
      [candidate('a', 'sms', Number.NaN), candidate('b', 'sms', 0)],
      ['a@sms', 'b@sms'],
    ],
  ] as const)('ranks %s', (_name, candidates, expected) => {
    expect(ids(rankCandidates(candidates))).toEqual(expected);
  });

  it('ranks the same whatever the input order, past the insertion-sort size too', () => {
    const many = Array.from({ length: 100 }, (_, i) => candidate(`c${i % 37}`, `t${i % 3}`, i % 5));
    const forward = ids(rankCandidates(many));
    expect(ids(rankCandidates([...many].reverse()))).toEqual(forward);
    expect(ids(rankCandidates(many.slice(0, 50)))).toEqual(
      ids(rankCandidates(many.slice(0, 50).reverse())),
    );
  });

  it('scores propensity × value × context weight × lever', () => {
    const [scored] = rankCandidates([candidate('a', 'sms', 30, { contextWeight: 2, lever: 1.5 })]);
    expect(scored?.score).toBeCloseTo(0.1 * 30 * 2 * 1.5, 12);
  });
});

describe(arbitrateOffers.name, () => {
  it('chooses one touchpoint per case, the best scoring', () => {
    const result = arbitrateOffers(
      [candidate('a', 'sms', 10), candidate('a', 'app', 20), candidate('b', 'sms', 5)],
      unlimited,
    );
    expect(ids(result.chosen)).toEqual(['a@app', 'b@sms']);
    expect(
      result.rejected.map((r) => [r.candidate.caseId, r.candidate.touchpointId, r.reason]),
    ).toEqual([['a', 'sms', 'outranked']]);
  });

  it('keeps the top N per touchpoint and outranks the rest', () => {
    const result = arbitrateOffers(
      [candidate('a', 'app', 1), candidate('b', 'app', 3), candidate('c', 'app', 2)],
      { perTouchpointLimit: 2, hasCapacity: () => true },
    );
    expect(ids(result.chosen)).toEqual(['b@app', 'c@app']);
    expect(result.rejected).toEqual([
      { candidate: expect.objectContaining({ caseId: 'a' }) as unknown, reason: 'outranked' },
    ]);
  });

  it('falls back to the next touchpoint of a case outranked on its best one', () => {
    const result = arbitrateOffers(
      [candidate('a', 'app', 9), candidate('b', 'app', 8), candidate('b', 'sms', 1)],
      { perTouchpointLimit: 1, hasCapacity: () => true },
    );
    expect(ids(result.chosen)).toEqual(['a@app', 'b@sms']);
  });

  it('rejects for capacity and lets the case fall back to its next touchpoint', () => {
    const result = arbitrateOffers(
      [candidate('a', 'agent', 9), candidate('a', 'sms', 1), candidate('b', 'agent', 5)],
      { perTouchpointLimit: 3, hasCapacity: (touchpointId) => touchpointId !== 'agent' },
    );
    expect(ids(result.chosen)).toEqual(['a@sms']);
    expect(result.rejected.map((r) => [ids([r.candidate])[0], r.reason])).toEqual([
      ['a@agent', 'capacity'],
      ['b@agent', 'capacity'],
    ]);
  });

  it('asks for capacity once per would-be choice and not again after a refusal', () => {
    const asked: string[] = [];
    let agentSlots = 1;
    const hasCapacity = (touchpointId: string) => {
      asked.push(touchpointId);
      return touchpointId !== 'agent' || agentSlots-- > 0;
    };
    const result = arbitrateOffers(
      [
        candidate('a', 'agent', 9),
        candidate('b', 'agent', 8),
        candidate('c', 'agent', 7),
        candidate('d', 'sms', 1),
      ],
      { perTouchpointLimit: 5, hasCapacity },
    );
    expect(asked).toEqual(['agent', 'agent', 'sms']);
    expect(ids(result.chosen)).toEqual(['a@agent', 'd@sms']);
    expect(result.rejected.map((r) => r.reason)).toEqual(['capacity', 'capacity']);
  });

  it('never asks for capacity for an outranked candidate', () => {
    const asked: string[] = [];
    arbitrateOffers([candidate('a', 'sms', 2), candidate('a', 'app', 1)], {
      perTouchpointLimit: 1,
      hasCapacity: (touchpointId) => asked.push(touchpointId) > 0,
    });
    expect(asked).toEqual(['sms']);
  });

  it('chooses nothing from an empty list or with a zero limit', () => {
    expect(arbitrateOffers([], unlimited)).toEqual({ chosen: [], rejected: [] });
    const result = arbitrateOffers([candidate('a', 'sms', 1)], {
      perTouchpointLimit: 0,
      hasCapacity: () => true,
    });
    expect(result.chosen).toEqual([]);
    expect(result.rejected.map((r) => r.reason)).toEqual(['outranked']);
  });

  it('accounts for every candidate exactly once', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      candidate(`c${i % 13}`, `t${i % 4}`, (i * 7) % 11),
    );
    const result = arbitrateOffers(many, { perTouchpointLimit: 2, hasCapacity: (t) => t !== 't3' });
    expect(result.chosen.length + result.rejected.length).toBe(40);
    expect(new Set(result.chosen.map((c) => c.caseId)).size).toBe(result.chosen.length);
  });
});
