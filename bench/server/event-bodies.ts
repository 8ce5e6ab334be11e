import type { CustomerEvent } from '@omnitouch/core';

/** Builds `POST /api/v1/events` bodies from a pool of events, each event with a fresh id. */
export interface EventBodies {
  /** `{"events":[…]}` with the next `size` events of the pool (cycling), ids never used before. */
  next(size: number): string;
  /** Events put in bodies so far. */
  readonly sent: number;
}

/**
 * Serialises the pool once, without ids, so a body costs string concatenation only: the load
 * process shares the machine's two cores with the server and must stay cheap. Ids are
 * `<prefix><sequence>`, so every event is new to the server (no duplicate shortcut).
 */
export function createEventBodies(pool: readonly CustomerEvent[], prefix: string): EventBodies {
  if (pool.length === 0) {
    throw new Error('createEventBodies needs at least one event');
  }
  // `{"customerId":…}` → `"customerId":…}`: the id goes in front.
  const tails = pool.map(({ eventId: _eventId, ...rest }) => JSON.stringify(rest).slice(1));
  let sequence = 0;
  return {
    next(size) {
      const parts: string[] = new Array<string>(size);
      for (let i = 0; i < size; i++) {
        const tail = tails[sequence % tails.length] as string;
        parts[i] = `{"eventId":"${prefix}${sequence}",${tail}`;
        sequence += 1;
      }
      return `{"events":[${parts.join(',')}]}`;
    },
    get sent() {
      return sequence;
    },
  };
}
