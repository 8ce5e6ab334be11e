import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createLoggerOptions, maskIdentifier, maskPhoneNumbers } from './logging';

describe(maskPhoneNumbers.name, () => {
  it.each([
    ['13812345678', '138****5678'],
    ['/api/v1/customers/13812345678/profile', '/api/v1/customers/138****5678/profile'],
    ['+8613812345678', '+861******5678'],
    ['call 5551234', 'call ***1234'],
    ['order 123456', 'order 123456'],
  ])('masks %s as %s', (input, expected) => {
    expect(maskPhoneNumbers(input)).toBe(expected);
  });
});

describe(maskIdentifier.name, () => {
  it.each([
    ['13812345678', '138****5678'],
    [13812345678, '138****5678'],
    ['cust-00042', '******0042'],
    ['abc', '****'],
    [undefined, undefined],
  ])('masks %s as %s', (input, expected) => {
    expect(maskIdentifier(input)).toBe(expected);
  });
});

describe(createLoggerOptions.name, () => {
  it('masks customer identifiers and redacts secrets in log lines', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino(createLoggerOptions('info'), sink);
    logger.info(
      {
        event: { customerId: '13812345678', msisdn: '13912345678' },
        secret: 'otk_abc',
        apiKey: 'otk_def',
      },
      'event accepted',
    );
    const line = lines.join('');
    expect(line).toContain('138****5678');
    expect(line).toContain('139****5678');
    expect(line).not.toMatch(/13812345678|13912345678|otk_abc|otk_def/);
    expect(line).toContain('[redacted]');
  });
});
