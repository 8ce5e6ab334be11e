import { describe, expect, it } from 'vitest';
import { resolveSegmentTimestamp } from './segment-timestamp';

const receivedAt = Date.UTC(2026, 5, 1, 12);

describe(resolveSegmentTimestamp.name, () => {
  it.each([
    ['no timestamp: receivedAt', undefined, undefined, receivedAt],
    ['timestamp only: as sent', '2026-06-01T10:00:00Z', undefined, Date.UTC(2026, 5, 1, 10)],
    // A client clock 1 h fast sent at its 13:00 an event of its 12:30: it happened 30 min ago.
    [
      'skew corrected with sentAt',
      '2026-06-01T12:30:00Z',
      '2026-06-01T13:00:00Z',
      receivedAt - 30 * 60_000,
    ],
    ['not a date', 'yesterday', undefined, undefined],
    ['a bare number', '1717236000000', undefined, undefined],
    ['sentAt not a date', '2026-06-01T10:00:00Z', 'soon', undefined],
  ])('%s', (_name, timestamp, sentAt, expected) => {
    expect(resolveSegmentTimestamp(timestamp, sentAt, receivedAt)).toBe(expected);
  });
});
