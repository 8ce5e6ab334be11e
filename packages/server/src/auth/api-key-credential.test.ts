import { describe, expect, it } from 'vitest';
import type { FastifyRequest } from 'fastify';
import { readApiKeyCredential } from './api-key-credential';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as FastifyRequest;
const base64 = (text: string) => Buffer.from(text).toString('base64');

describe(readApiKeyCredential.name, () => {
  it.each([
    [{ authorization: 'Bearer k1' }, 'k1'],
    [{ authorization: 'bearer   k1' }, 'k1'],
    [{ 'x-api-key': 'k2' }, 'k2'],
    [{ 'x-api-key': 'k2', authorization: 'Bearer k1' }, 'k2'],
    [{ authorization: `Basic ${base64('k3:')}` }, 'k3'],
    [{ authorization: `Basic ${base64('k3')}` }, 'k3'],
    [{ authorization: `Basic ${base64(':k4')}` }, 'k4'],
    [{ authorization: `Basic ${base64(':')}` }, undefined],
    [{ authorization: 'Bearer' }, undefined],
    [{ authorization: 'Token k5' }, undefined],
    [{}, undefined],
  ])('reads %j as %s', (headers, expected) => {
    expect(readApiKeyCredential(request(headers))).toBe(expected);
  });
});
