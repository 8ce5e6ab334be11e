import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import {
  createLoggerOptions,
  deferredChildLoggerFactory,
  maskIdentifier,
  maskPhoneNumbers,
} from './logging';

/** A pino destination collecting the lines written. */
function collectLines(): { lines: string[]; sink: Writable } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, sink };
}

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
    const { lines, sink } = collectLines();
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

describe('deferredChildLoggerFactory', () => {
  it.each([
    ['warn', 'warn', 1],
    ['warn', 'info', 0],
    ['info', 'debug', 0],
  ] as const)(
    'at level %s, a request logging at %s writes %i line(s) with its reqId, identifiers masked',
    async (level, loggedAt, expected) => {
      const { lines, sink } = collectLines();
      const app = Fastify({
        loggerInstance: pino(createLoggerOptions(level), sink),
        childLoggerFactory: deferredChildLoggerFactory,
        disableRequestLogging: true,
      });
      app.get('/x', (request) => {
        request.log[loggedAt]({ customerId: '13812345678' }, 'slow');
        return 'ok';
      });
      const response = await app.inject({ url: '/x' });
      await app.close();
      expect(response.statusCode).toBe(200);
      const logged = lines.filter((line) => line.includes('"slow"'));
      expect(logged).toHaveLength(expected);
      for (const line of logged) {
        expect(line).toContain('"reqId"');
        expect(line).toContain('138****5678');
        expect(line).not.toContain('13812345678');
      }
    },
  );
});
