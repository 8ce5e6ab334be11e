import { describe, expect, it } from 'vitest';
import { toEventTypeId, translateSegmentMessages } from './segment-translation';

const context = { receivedAt: 1_000, attributeIds: new Set(['arpu', 'city']) };

describe(translateSegmentMessages.name, () => {
  it('maps identify traits named like attributes, tags as an array or object, and consent', () => {
    const out = translateSegmentMessages(
      [
        {
          message: {
            type: 'identify',
            userId: 'u1',
            traits: { arpu: 9, email: 'x', tags: ['a', 'b'] },
          },
          path: '/batch/0',
        },
        {
          message: {
            type: 'identify',
            anonymousId: 'a1',
            traits: { tags: { a: false }, unsubscribed: true },
          },
          path: '/batch/1',
        },
      ],
      context,
    );
    expect(out.profileChanges).toEqual([
      { customerId: 'u1', attributes: { arpu: 9 }, tags: { a: true, b: true } },
      { customerId: 'a1', tags: { a: false }, consent: { unsubscribed: true } },
    ]);
    expect(out.profilePaths).toEqual(['/batch/0', '/batch/1']);
  });

  it('turns a track into a customer event keyed by messageId', () => {
    const out = translateSegmentMessages(
      [
        {
          message: {
            type: 'track',
            userId: 'u1',
            event: 'Top Up',
            messageId: 'm1',
            properties: { amount: 5 },
          },
          path: '',
        },
      ],
      context,
    );
    expect(out.events).toEqual([
      {
        eventId: 'm1',
        customerId: 'u1',
        type: 'top-up',
        occurredAt: 1_000,
        properties: { amount: 5 },
      },
    ]);
  });

  it('names a missing identity and a missing event name, and counts the calls it does not decide on', () => {
    const out = translateSegmentMessages(
      [
        { message: { type: 'track', event: 'x' }, path: '/batch/0' },
        { message: { type: 'track', userId: 'u' }, path: '/batch/1' },
        { message: { type: 'page' }, path: '/batch/2' },
        { message: { type: 'alias', previousId: 'a', userId: 'b' }, path: '/batch/3' },
      ],
      context,
    );
    expect(out.issues.map((issue) => issue.field)).toEqual(['/batch/0/userId', '/batch/1/event']);
    expect(out.ignored).toEqual({ page: 1, alias: 1 });
  });
});

describe(toEventTypeId.name, () => {
  it.each([
    ['offer received', 'offer-received'],
    ['Order Completed', 'order-completed'],
    ['top-up', 'top-up'],
    ['  5G Upgrade!  ', '5g-upgrade'],
  ])('%s → %s', (name, id) => {
    expect(toEventTypeId(name)).toBe(id);
  });
});
