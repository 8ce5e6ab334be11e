import { describe, expect, it } from 'vitest';
import type { AuthenticatedApiKey } from './authenticate-api-key';
import { cacheVerifiedKeys } from './verified-key-cache';

const staff: AuthenticatedApiKey = { id: 'k1', role: 'staff' };

/** An authenticator that knows one secret and counts how often it is asked. */
function countingAuthenticator() {
  const asked: string[] = [];
  return {
    asked,
    authenticate: (secret: string) => {
      asked.push(secret);
      return secret === 'good' ? staff : undefined;
    },
  };
}

describe(cacheVerifiedKeys.name, () => {
  it('asks the store once for a secret used again within the TTL', () => {
    const inner = countingAuthenticator();
    const cache = cacheVerifiedKeys(inner.authenticate, { now: () => 1_000, ttlMs: 100 });
    expect(cache.authenticate('good')).toEqual(staff);
    expect(cache.authenticate('good')).toEqual(staff);
    expect(inner.asked).toEqual(['good']);
  });

  it('asks again once the TTL has passed', () => {
    const inner = countingAuthenticator();
    let now = 1_000;
    const cache = cacheVerifiedKeys(inner.authenticate, { now: () => now, ttlMs: 100 });
    cache.authenticate('good');
    now = 1_100;
    cache.authenticate('good');
    expect(inner.asked).toEqual(['good', 'good']);
  });

  it('never remembers a refused secret', () => {
    const inner = countingAuthenticator();
    const cache = cacheVerifiedKeys(inner.authenticate, { now: () => 1_000 });
    expect(cache.authenticate('bad')).toBeUndefined();
    expect(cache.authenticate('bad')).toBeUndefined();
    expect(inner.asked).toEqual(['bad', 'bad']);
  });

  it('asks again after clear (a key was revoked)', () => {
    const inner = countingAuthenticator();
    const cache = cacheVerifiedKeys(inner.authenticate, { now: () => 1_000 });
    cache.authenticate('good');
    cache.clear();
    cache.authenticate('good');
    expect(inner.asked).toEqual(['good', 'good']);
  });

  it('forgets the oldest secret when full', () => {
    const asked: string[] = [];
    const cache = cacheVerifiedKeys(
      (secret) => {
        asked.push(secret);
        return { id: secret, role: 'staff' };
      },
      { now: () => 1_000, maxEntries: 2 },
    );
    for (const secret of ['a', 'b', 'c', 'b', 'a']) {
      cache.authenticate(secret);
    }
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });
});
