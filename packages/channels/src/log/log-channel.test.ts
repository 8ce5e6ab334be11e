import type { Delivery } from '@omnitouch/engine';
import { describe, expect, it } from 'vitest';
import { LogChannel, maskCustomerId } from './log-channel';

const now = Date.UTC(2026, 10, 25, 2, 0, 0);
const delivery: Delivery = {
  offerId: 'offer-3',
  customerId: 'cust-13800001234',
  caseId: 'case-roaming',
  touchpointId: 'sms',
  deliveryMethod: 'sms',
  content: { 'zh-CN': '出境漫游包 30 元', en: 'Roaming pack, 30 yuan' },
  idempotencyKey: 'offer-3:sms',
};

describe(LogChannel.name, () => {
  it('writes one line per delivery, with the customer id masked', async () => {
    const lines: string[] = [];
    const channel = new LogChannel({ sink: (line) => lines.push(line), clock: { now: () => now } });
    expect(await channel.deliver(delivery)).toEqual({ kind: 'delivered', at: now });
    expect(lines).toEqual([
      '2026-11-25T02:00:00.000Z deliver touchpoint=sms method=sms case=case-roaming offer=offer-3 ' +
        'customer=***1234 key=offer-3:sms "Roaming pack, 30 yuan"',
    ]);
  });

  it('prints the Chinese text when asked to', async () => {
    const lines: string[] = [];
    const channel = new LogChannel({
      sink: (line) => lines.push(line),
      clock: { now: () => now },
      language: 'zh-CN',
    });
    await channel.deliver(delivery);
    expect(lines[0]).toMatch(/"出境漫游包 30 元"$/);
  });
});

describe(maskCustomerId.name, () => {
  it.each([
    ['cust-13800001234', '***1234'],
    ['12345', '***2345'],
    ['1234', '****'],
    ['', '****'],
  ])('masks %j as %j', (id, masked) => {
    expect(maskCustomerId(id)).toBe(masked);
  });
});
