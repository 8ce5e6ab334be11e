import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeOffer, presentOffer } from './offer-lifecycle';
import { buildOffer, createdAt, expiresAt } from './offer.fixtures';

const touchpointIds = ['app', 'sms', 'store'] as const;

const step = fc.oneof(
  fc.record({
    kind: fc.constant('present' as const),
    touchpointId: fc.constantFrom(...touchpointIds, 'outbound-call'),
    at: fc.integer({ min: createdAt, max: expiresAt + 60_000 }),
  }),
  fc.record({
    kind: fc.constant('close' as const),
    state: fc.constantFrom('withdrawn' as const, 'expired' as const),
  }),
);

describe('offer lifecycle invariants', () => {
  it('presents an offer at most once, on one of its touchpoints, before it expires', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const offer = buildOffer({ touchpointIds: [...touchpointIds] });
        let presentations = 0;
        for (const s of steps) {
          if (s.kind === 'close') {
            closeOffer(offer, s.state);
          } else if (presentOffer(offer, s.touchpointId, s.at).kind === 'presented') {
            presentations += 1;
            expect(touchpointIds).toContain(s.touchpointId);
            expect(s.at).toBeLessThan(expiresAt);
          }
        }
        expect(presentations).toBeLessThanOrEqual(1);
        expect(offer.state === 'presented').toBe(presentations === 1);
      }),
      { numRuns: 2000 },
    );
  });
});
