import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature';

const now = Date.UTC(2026, 10, 25, 2, 0, 0);
const secret = 'whsec-abc';
const body = '{"offerId":"offer-1","content":{"zh-CN":"优惠","en":"Offer"}}';

describe(verifyWebhookSignature.name, () => {
  it('accepts what signWebhookBody produced, as a string or as raw bytes', () => {
    const header = signWebhookBody(secret, body, now);
    expect(verifyWebhookSignature(secret, header, body, now)).toEqual({ valid: true });
    expect(verifyWebhookSignature(secret, header, Buffer.from(body, 'utf8'), now)).toEqual({
      valid: true,
    });
  });

  it('matches the documented scheme: HMAC-SHA256 hex of "<t>.<body>"', () => {
    // Computed independently: printf '1795572000.{}' | openssl dgst -sha256 -hmac whsec-abc
    expect(signWebhookBody(secret, '{}', now)).toBe(
      't=1795572000,v1=c93fb642b040b88aaedb68336ee642ef30260a69fcae0c3a1532579f564f85b2',
    );
  });

  it('accepts any v1 entry, so a secret can be rotated', () => {
    const fresh = signWebhookBody(secret, body, now);
    const old = signWebhookBody('old-secret', body, now).split(',')[1] ?? '';
    expect(verifyWebhookSignature(secret, `${old},${fresh}`, body, now)).toEqual({ valid: true });
  });

  it.each([
    {
      label: 'a tampered body',
      header: signWebhookBody(secret, body, now),
      at: now,
      reason: 'signature-mismatch',
      body: body.replace('1', '2'),
    },
    {
      label: 'another secret',
      header: signWebhookBody('other', body, now),
      at: now,
      reason: 'signature-mismatch',
      body,
    },
    {
      label: 'a replay 301 s later',
      header: signWebhookBody(secret, body, now),
      at: now + 301_000,
      reason: 'stale-timestamp',
      body,
    },
    {
      label: 'a clock 301 s ahead',
      header: signWebhookBody(secret, body, now + 301_000),
      at: now,
      reason: 'stale-timestamp',
      body,
    },
    { label: 'a missing header', header: undefined, at: now, reason: 'malformed-signature', body },
    {
      label: 'no timestamp',
      header: `v1=${'a'.repeat(64)}`,
      at: now,
      reason: 'malformed-signature',
      body,
    },
    { label: 'no signature', header: 't=1795572000', at: now, reason: 'malformed-signature', body },
    { label: 'garbage', header: 't=abc,v1=xyz', at: now, reason: 'malformed-signature', body },
  ])('refuses $label', ({ header, at, reason, body: received }) => {
    expect(verifyWebhookSignature(secret, header, received, at)).toEqual({ valid: false, reason });
  });

  it('accepts a request within the tolerance', () => {
    const header = signWebhookBody(secret, body, now);
    expect(verifyWebhookSignature(secret, header, body, now + 300_000)).toEqual({ valid: true });
  });
});
