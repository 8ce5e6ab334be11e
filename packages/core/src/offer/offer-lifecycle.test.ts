import { describe, expect, it } from 'vitest';
import {
  closeOffer,
  expireOffer,
  isOfferOpen,
  presentOffer,
  withdrawOffer,
} from './offer-lifecycle';
import { buildOffer, createdAt, expiresAt } from './offer.fixtures';

describe(presentOffer.name, () => {
  it('presents an open offer on one of its touchpoints', () => {
    const offer = buildOffer();
    expect(presentOffer(offer, 'sms', createdAt + 1000)).toEqual({ kind: 'presented' });
    expect(offer).toMatchObject({
      state: 'presented',
      presentedOn: 'sms',
      presentedAt: createdAt + 1000,
    });
  });

  it.each([
    [
      'already presented on this touchpoint',
      { state: 'presented', presentedOn: 'sms' },
      'sms',
      createdAt,
      'already-presented',
    ],
    [
      'already presented on another touchpoint',
      { state: 'presented', presentedOn: 'app' },
      'sms',
      createdAt,
      'already-presented',
    ],
    ['withdrawn', { state: 'withdrawn' }, 'sms', createdAt, 'already-presented'],
    ['marked expired', { state: 'expired' }, 'sms', createdAt, 'offer-expired'],
    ['open but past its expiry', {}, 'sms', expiresAt + 1, 'offer-expired'],
    ['open and exactly at its expiry', {}, 'sms', expiresAt, 'offer-expired'],
    [
      'asked for by a touchpoint it was not made for',
      {},
      'outbound-call',
      createdAt,
      'unknown-touchpoint',
    ],
  ] as const)('rejects an offer %s', (_name, overrides, touchpointId, at, reason) => {
    const offer = buildOffer(overrides);
    const before = { ...offer };
    expect(presentOffer(offer, touchpointId, at)).toEqual({ kind: 'rejected', reason });
    expect(offer).toEqual(before);
  });

  it('presents one millisecond before expiry', () => {
    expect(presentOffer(buildOffer(), 'store', expiresAt - 1)).toEqual({ kind: 'presented' });
  });

  it('lets only the first of two touchpoints present the same offer', () => {
    const offer = buildOffer();
    expect(presentOffer(offer, 'app', createdAt).kind).toBe('presented');
    expect(presentOffer(offer, 'sms', createdAt)).toEqual({
      kind: 'rejected',
      reason: 'already-presented',
    });
    expect(offer.presentedOn).toBe('app');
  });
});

describe(closeOffer.name, () => {
  it.each([
    ['open', 'withdrawn', true, 'withdrawn'],
    ['open', 'expired', true, 'expired'],
    ['presented', 'withdrawn', false, 'presented'],
    ['presented', 'expired', false, 'presented'],
    ['withdrawn', 'expired', false, 'withdrawn'],
    ['expired', 'withdrawn', false, 'expired'],
  ] as const)('closes an offer that is %s as %s → %s', (state, target, changed, after) => {
    const offer = buildOffer({ state });
    expect(closeOffer(offer, target)).toBe(changed);
    expect(offer.state).toBe(after);
  });

  it('expires and withdraws through the named shorthands', () => {
    const expired = buildOffer();
    const withdrawn = buildOffer();
    expect(expireOffer(expired)).toBe(true);
    expect(withdrawOffer(withdrawn)).toBe(true);
    expect([expired.state, withdrawn.state]).toEqual(['expired', 'withdrawn']);
    expect(expireOffer(expired)).toBe(false);
  });
});

describe(isOfferOpen.name, () => {
  it.each([
    ['open', createdAt, true],
    ['open', expiresAt, false],
    ['presented', createdAt, false],
    ['withdrawn', createdAt, false],
  ] as const)('says an offer %s at %i is open: %s', (state, now, expected) => {
    expect(isOfferOpen(buildOffer({ state }), now)).toBe(expected);
  });
});
