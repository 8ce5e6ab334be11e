import type { DeliveryResult } from '@omnitouch/engine';

/**
 * Classifies the receiver's HTTP status. 2xx: delivered. 408, 429 and 5xx: the receiver is busy or
 * broken for now, retry. Anything else (3xx — redirects are not followed —, other 4xx): the request
 * itself is refused and sending it again cannot help, so it goes to the dead-letter list.
 */
export function classifyWebhookStatus(status: number, at: number): DeliveryResult {
  if (status >= 200 && status < 300) {
    return { kind: 'delivered', at };
  }
  const retryable = status === 408 || status === 429 || status >= 500;
  return { kind: 'rejected', retryable, reason: `http-${status}` };
}

/**
 * Classifies an error thrown by `fetch`: a timeout or a network failure is the destination's
 * (retryable) failure; anything else is our bug and is returned as `undefined` for the caller to
 * rethrow (undici reports every network failure as `TypeError('fetch failed')` with a `cause`).
 */
export function classifyWebhookError(error: unknown): DeliveryResult | undefined {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { kind: 'rejected', retryable: true, reason: 'timeout' };
  }
  if (error instanceof TypeError && error.message === 'fetch failed') {
    return { kind: 'rejected', retryable: true, reason: 'network-error' };
  }
  return undefined;
}
