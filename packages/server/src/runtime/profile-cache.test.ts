import { describe, expect, it } from 'vitest';
import { createCustomerProfile, type CustomerProfile } from '@omnitouch/core';
import type { ProfileStore } from '@omnitouch/engine';
import { createProfileCache } from './profile-cache';

function countingStore(): ProfileStore & { gets: number; puts: string[] } {
  const saved = new Map<string, CustomerProfile>();
  const store = {
    gets: 0,
    puts: [] as string[],
    get: (id: string) => {
      store.gets += 1;
      return saved.get(id);
    },
    put: (profile: CustomerProfile) => {
      store.puts.push(profile.customerId);
      saved.set(profile.customerId, profile);
    },
    count: () => saved.size,
  };
  return store;
}
const tagIndex = { staticBits: new Map(), realtimeBits: new Map(), words: 1 };

describe(createProfileCache.name, () => {
  it('writes a profile put several times once, at flush', () => {
    const store = countingStore();
    const cache = createProfileCache(store);
    const profile = createCustomerProfile('c1', tagIndex);
    cache.put(profile);
    cache.put(profile);
    expect(store.puts).toEqual([]);
    expect(cache.count()).toBe(1);
    cache.flush();
    expect(store.puts).toEqual(['c1']);
    cache.flush();
    expect(store.puts).toEqual(['c1']);
  });

  it('reads a profile from the store once, then from memory', () => {
    const store = countingStore();
    store.put(createCustomerProfile('c1', tagIndex));
    const cache = createProfileCache(store);
    expect(cache.get('c1')).toBe(cache.get('c1'));
    expect(store.gets).toBe(1);
  });

  it('forgets unflushed edits on discard (a rolled-back transaction)', () => {
    const store = countingStore();
    const cache = createProfileCache(store);
    cache.put(createCustomerProfile('c1', tagIndex));
    cache.discard();
    cache.flush();
    expect(store.puts).toEqual([]);
    expect(cache.get('c1')).toBeUndefined();
  });
});
