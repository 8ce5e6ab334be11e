import { describe, expect, it } from 'vitest';
import { createSequentialIds } from './sequential-ids';

describe(createSequentialIds.name, () => {
  it('numbers ids from 1 per generator', () => {
    const offers = createSequentialIds('offer');
    const events = createSequentialIds('event');
    expect([offers(), offers(), events()]).toEqual(['offer-1', 'offer-2', 'event-1']);
  });
});
