/**
 * Why a (case, touchpoint) pair was chosen or rejected. Stable kebab-case strings: they are API
 * values, explain-trace entries, metric labels and i18n keys at once, so never rename one.
 */
export const reasonCodes = [
  'chosen',
  'deferred',
  'held-for-inbound',
  'case-not-live',
  'outside-validity',
  'trigger-not-matched',
  'rule-not-matched',
  'global-cap',
  'daily-cap',
  'touchpoint-cap',
  'case-cap',
  'lifetime-cap',
  'quiet-hours',
  'opted-out',
  'unsubscribed',
  'cooldown',
  'already-presented',
  'already-open',
  'capacity',
  'not-in-contact',
  'outranked',
  'unknown-touchpoint',
] as const;

export type ReasonCode = (typeof reasonCodes)[number];
