/**
 * How a retryable rejection is retried: exponential backoff with full jitter. The n-th retry waits
 * a uniformly random time in [0, min(maxDelayMs, baseDelayMs × factor^(n−1))) — "full jitter" from
 * the AWS Architecture Blog, "Exponential Backoff And Jitter" (2015), which spreads a burst of
 * failures so the recovering receiver is not hit by every retry at once.
 */
export interface RetryPolicy {
  /** Ceiling of the first retry's delay, ms. */
  readonly baseDelayMs: number;
  /** Growth of the ceiling per attempt (≥ 1). */
  readonly factor: number;
  /** Largest ceiling, ms. */
  readonly maxDelayMs: number;
  /** Attempts in one round, the first one included; after the last a delivery is dead-lettered. */
  readonly maxAttempts: number;
}

/** 1 s, ×2, at most 10 min, 8 attempts: the last retry of a round comes within about 2 minutes. */
export const defaultRetryPolicy: RetryPolicy = {
  baseDelayMs: 1_000,
  factor: 2,
  maxDelayMs: 10 * 60_000,
  maxAttempts: 8,
};

/**
 * Delay in whole ms before the retry that follows failed attempt number `attempt` (1-based), given
 * `random()` uniform in [0, 1). Pure: the same inputs always give the same delay.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`retryDelayMs needs an attempt number >= 1, got ${attempt}`);
  }
  // Math.pow overflows to Infinity for large attempts; min() then falls back to the cap.
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * policy.factor ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
