import type { OfferInstance } from '@omnitouch/core';
import { buildOfferInstance } from '@omnitouch/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../test/temp-database';
import { createOpenOfferCache } from './open-offer-cache';
import { SqliteOfferStore } from './sqlite-offer-store';

const t0 = Date.UTC(2026, 10, 25, 2);
const hour = 3_600_000;

/** The factory offer as `o1` of case `a` for `c1`. */
function buildOffer(overrides: Partial<OfferInstance> = {}): OfferInstance {
  return buildOfferInstance({
    offerId: 'o1',
    customerId: 'c1',
    caseId: 'a',
    createdAt: t0,
    expiresAt: t0 + hour,
    ...overrides,
  });
}

/** The SQLite store with a count of the SELECTs and the writes that reach it. */
class CountedOfferStore extends SqliteOfferStore {
  selects = 0;
  writes = 0;

  override listOpen(customerId: string, now: number): OfferInstance[] {
    this.selects += 1;
    return super.listOpen(customerId, now);
  }

  override findOpen(customerId: string, caseId: string, now: number): OfferInstance | undefined {
    this.selects += 1;
    return super.findOpen(customerId, caseId, now);
  }

  override create(offer: OfferInstance): void {
    this.writes += 1;
    super.create(offer);
  }

  override tryPresent(offerId: string, touchpointId: string, at: number): boolean {
    this.writes += 1;
    return super.tryPresent(offerId, touchpointId, at);
  }

  override close(offerId: string, state: 'withdrawn' | 'expired'): void {
    this.writes += 1;
    super.close(offerId, state);
  }
}

describe(createOpenOfferCache.name, () => {
  let temp: TempDatabase;
  afterEach(() => temp.remove());

  it("reads a customer's open offers once, then answers from memory as offers open and close", () => {
    temp = openTempDatabase();
    const store = new CountedOfferStore(temp.db);
    const cache = createOpenOfferCache(store);
    expect(cache.findOpen('c1', 'a', t0)).toBeUndefined();
    cache.create(buildOffer({ offerId: 'o1', caseId: 'a' }));
    cache.create(buildOffer({ offerId: 'o2', caseId: 'b', createdAt: t0 + 1 }));
    expect(cache.findOpen('c1', 'a', t0 + 2)?.offerId).toBe('o1');
    expect(cache.tryPresent('o1', 'sms', t0 + 2)).toBe(true);
    cache.close('o2', 'withdrawn');
    expect(cache.findOpen('c1', 'a', t0 + 3)).toBeUndefined();
    expect(cache.listOpen('c1', t0 + 3)).toEqual([]);
    expect(store.selects).toBe(1);
    cache.flush();
    expect(store.listOpen('c1', t0 + 3)).toEqual([]); // and the database agrees
  });

  it('writes a new offer at flush, once, in the state it reached by then', () => {
    temp = openTempDatabase();
    const store = new CountedOfferStore(temp.db);
    const cache = createOpenOfferCache(store);
    cache.create(buildOffer({ offerId: 'o1', caseId: 'a' }));
    cache.create(buildOffer({ offerId: 'o2', caseId: 'b' }));
    cache.create(buildOffer({ offerId: 'o3', caseId: 'c' }));
    expect(cache.tryPresent('o1', 'app-push', t0)).toBe(false); // not one of its touchpoints
    expect(cache.tryPresent('o1', 'sms', t0 + hour)).toBe(false); // expired by then
    expect(cache.tryPresent('o1', 'sms', t0 + 1)).toBe(true);
    expect(cache.tryPresent('o1', 'store-clerk', t0 + 2)).toBe(false); // presented once only
    cache.close('o2', 'withdrawn');
    expect(cache.get('o1')?.state).toBe('presented');
    expect(store.get('o1')).toBeUndefined();
    expect(store.writes).toBe(0);
    cache.flush();
    expect(store.writes).toBe(3);
    expect(store.get('o1')).toEqual({
      ...buildOffer({ offerId: 'o1', caseId: 'a' }),
      state: 'presented',
      presentedOn: 'sms',
      presentedAt: t0 + 1,
    });
    expect(store.get('o2')?.state).toBe('withdrawn');
    expect(store.listOpen('c1', t0).map((o) => o.offerId)).toEqual(['o3']);
  });

  it('refuses an offer id it holds already, as the store refuses one it stored', () => {
    temp = openTempDatabase();
    const cache = createOpenOfferCache(new SqliteOfferStore(temp.db));
    cache.create(buildOffer());
    expect(() => cache.create(buildOffer())).toThrow(/already/);
    cache.flush();
    cache.create(buildOffer());
    expect(() => cache.flush()).toThrow(/UNIQUE/);
  });

  it('keeps the store order when an offer is created with an earlier time', () => {
    temp = openTempDatabase();
    const cache = createOpenOfferCache(new SqliteOfferStore(temp.db));
    cache.listOpen('c1', t0);
    cache.create(buildOffer({ offerId: 'late', caseId: 'a', createdAt: t0 + 5 }));
    cache.create(buildOffer({ offerId: 'early', caseId: 'b', createdAt: t0 + 1 }));
    cache.create(buildOffer({ offerId: 'same', caseId: 'c', createdAt: t0 + 1 }));
    const order = ['early', 'same', 'late'];
    expect(cache.listOpen('c1', t0 + 6).map((o) => o.offerId)).toEqual(order);
    cache.flush();
    expect(new SqliteOfferStore(temp.db).listOpen('c1', t0 + 6).map((o) => o.offerId)).toEqual(
      order,
    );
  });

  it('answers copies, so a caller changing an offer cannot change the cache', () => {
    temp = openTempDatabase();
    const cache = createOpenOfferCache(new SqliteOfferStore(temp.db));
    cache.listOpen('c1', t0);
    const created = buildOffer();
    cache.create(created);
    created.state = 'presented';
    const found = cache.findOpen('c1', 'a', t0);
    if (found) {
      found.state = 'withdrawn';
    }
    expect(cache.findOpen('c1', 'a', t0)).toEqual(buildOffer());
  });

  it('forgets writes rolled back with the transaction once discarded', () => {
    temp = openTempDatabase();
    const store = new SqliteOfferStore(temp.db);
    const cache = createOpenOfferCache(store);
    cache.create(buildOffer({ offerId: 'before' }));
    cache.flush();
    expect(() =>
      temp.db.transaction(() => {
        cache.tryPresent('before', 'sms', t0);
        cache.create(buildOffer({ offerId: 'rolled-back', caseId: 'b' }));
        cache.flush();
        throw new Error('the pipeline failed after opening the offer');
      })(),
    ).toThrow();
    cache.discard();
    expect(cache.findOpen('c1', 'a', t0)?.offerId).toBe('before');
    expect(cache.findOpen('c1', 'b', t0)).toBeUndefined();
    expect(cache.get('rolled-back')).toBeUndefined();
  });
});
