import { describe, expect, it } from 'vitest';
import { classifyWebhookError, classifyWebhookStatus } from './classify-webhook-response';

const at = Date.UTC(2026, 10, 25, 2, 0, 0);

describe(classifyWebhookStatus.name, () => {
  it.each([
    [200, { kind: 'delivered', at }],
    [202, { kind: 'delivered', at }],
    [299, { kind: 'delivered', at }],
    [302, { kind: 'rejected', retryable: false, reason: 'http-302' }],
    [400, { kind: 'rejected', retryable: false, reason: 'http-400' }],
    [401, { kind: 'rejected', retryable: false, reason: 'http-401' }],
    [408, { kind: 'rejected', retryable: true, reason: 'http-408' }],
    [422, { kind: 'rejected', retryable: false, reason: 'http-422' }],
    [429, { kind: 'rejected', retryable: true, reason: 'http-429' }],
    [500, { kind: 'rejected', retryable: true, reason: 'http-500' }],
    [504, { kind: 'rejected', retryable: true, reason: 'http-504' }],
  ])('classifies HTTP %i', (status, expected) => {
    expect(classifyWebhookStatus(status, at)).toEqual(expected);
  });
});

describe(classifyWebhookError.name, () => {
  it.each([
    ['a timeout', new DOMException('timed out', 'TimeoutError'), 'timeout'],
    ['an abort', new DOMException('aborted', 'AbortError'), 'timeout'],
    [
      'a network failure',
      new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') }),
      'network-error',
    ],
  ])('treats %s as the destination’s retryable failure', (_label, error, reason) => {
    expect(classifyWebhookError(error)).toEqual({ kind: 'rejected', retryable: true, reason });
  });

  it.each([
    ['a bad header value', new TypeError('Headers.append: "\\n" is an invalid header value.')],
    ['a programming error', new RangeError('Maximum call stack size exceeded')],
    ['a thrown string', 'oops'],
  ])('leaves %s to be thrown as our bug', (_label, error) => {
    expect(classifyWebhookError(error)).toBeUndefined();
  });
});
