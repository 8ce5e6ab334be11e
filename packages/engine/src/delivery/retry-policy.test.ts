import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, retryDelayMs, type RetryPolicy } from './retry-policy';

const almostOne = 1 - Number.EPSILON;

describe(retryDelayMs.name, () => {
  it.each([
    { attempt: 1, random: almostOne, expected: 999 },
    { attempt: 2, random: almostOne, expected: 1_999 },
    { attempt: 3, random: almostOne, expected: 3_999 },
    { attempt: 7, random: almostOne, expected: 63_999 },
    { attempt: 10, random: almostOne, expected: 511_999 },
    { attempt: 11, random: almostOne, expected: 599_999 },
    { attempt: 1_100, random: almostOne, expected: 599_999 },
    { attempt: 3, random: 0.5, expected: 2_000 },
    { attempt: 5, random: 0.25, expected: 4_000 },
    { attempt: 4, random: 0, expected: 0 },
  ])(
    'waits $expected ms after attempt $attempt when random() is $random',
    ({ attempt, random, expected }) => {
      expect(retryDelayMs(attempt, defaultRetryPolicy, () => random)).toBe(expected);
    },
  );

  it.each([
    {
      policy: { baseDelayMs: 100, factor: 3, maxDelayMs: 1_000, maxAttempts: 5 },
      attempt: 3,
      expected: 450,
    },
    {
      policy: { baseDelayMs: 100, factor: 3, maxDelayMs: 1_000, maxAttempts: 5 },
      attempt: 4,
      expected: 500,
    },
    {
      policy: { baseDelayMs: 250, factor: 1, maxDelayMs: 1_000, maxAttempts: 5 },
      attempt: 9,
      expected: 125,
    },
  ])(
    'follows a configured policy: attempt $attempt → $expected ms at random() 0.5',
    ({ policy, attempt, expected }: { policy: RetryPolicy; attempt: number; expected: number }) => {
      expect(retryDelayMs(attempt, policy, () => 0.5)).toBe(expected);
    },
  );

  it('never exceeds the cap and never goes negative over many draws', () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let attempt = 1; attempt <= 40; attempt += 1) {
      const delay = retryDelayMs(attempt, defaultRetryPolicy, random);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(defaultRetryPolicy.maxDelayMs);
    }
  });

  it.each([0, -1, 1.5])('refuses attempt number %s', (attempt) => {
    expect(() => retryDelayMs(attempt, defaultRetryPolicy, () => 0.5)).toThrow(RangeError);
  });
});
