import { createHmac, timingSafeEqual } from 'node:crypto';

/** The request header that carries the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const webhookSignatureHeader = 'Omnitouch-Signature';

/** Default window in which a signed request is accepted: 5 minutes, against replayed requests. */
export const defaultSignatureToleranceSeconds = 300;

/**
 * The `Omnitouch-Signature` value for `body` sent at `now` (epoch ms): HMAC-SHA256 with `secret` of
 * `"<t>.<body>"`, hex. Signing the timestamp with the body is what lets a receiver refuse replays
 * (the scheme Stripe documents for its webhooks).
 */
export function signWebhookBody(secret: string, body: string, now: number): string {
  const t = Math.floor(now / 1000);
  return `t=${t},v1=${hmacHex(secret, t, body)}`;
}

/** Why a signature was refused; stable codes for a receiver's logs. */
export type WebhookSignatureCheck =
  | { readonly valid: true }
  | {
      readonly valid: false;
      readonly reason: 'malformed-signature' | 'stale-timestamp' | 'signature-mismatch';
    };

/**
 * Checks a received `Omnitouch-Signature` header against the raw request body, for receivers.
 * `now` is epoch ms; the header's timestamp must be within `toleranceSeconds` of it. Any `v1`
 * entry may match (several are sent while a secret is rotated). Compares in constant time.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  body: string | Uint8Array,
  now: number,
  toleranceSeconds: number = defaultSignatureToleranceSeconds,
): WebhookSignatureCheck {
  const parsed = parseSignatureHeader(header ?? '');
  if (parsed === undefined) {
    return { valid: false, reason: 'malformed-signature' };
  }
  if (Math.abs(now / 1000 - parsed.t) > toleranceSeconds) {
    return { valid: false, reason: 'stale-timestamp' };
  }
  const expected = Buffer.from(hmacHex(secret, parsed.t, body), 'hex');
  const matches = parsed.signatures.some((candidate) => {
    const given = Buffer.from(candidate, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { valid: true } : { valid: false, reason: 'signature-mismatch' };
}

function hmacHex(secret: string, t: number, body: string | Uint8Array): string {
  return createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
}

function parseSignatureHeader(header: string): { t: number; signatures: string[] } | undefined {
  let t: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value, ...rest] = part.trim().split('=');
    if (value === undefined || rest.length > 0) {
      return undefined;
    }
    if (key === 't' && /^\d{1,12}$/.test(value)) {
      t = Number(value);
    } else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) {
      signatures.push(value);
    }
  }
  return t === undefined || signatures.length === 0 ? undefined : { t, signatures };
}
