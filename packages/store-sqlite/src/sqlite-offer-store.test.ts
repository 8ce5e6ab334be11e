import { buildOfferInstance, offerCreatedAt } from '@omnitouch/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../test/temp-database';
import { openSqliteDatabase } from './sqlite-database';
import { SqliteOfferStore } from './sqlite-offer-store';

const t0 = offerCreatedAt;
const offer = buildOfferInstance({ caseVersion: 1, expiresAt: t0 + 60_000 });

describe(SqliteOfferStore.name, () => {
  let temp: TempDatabase;
  afterEach(() => temp.remove());

  it('lets exactly one of two connections present the same open offer', () => {
    temp = openTempDatabase();
    const other = openSqliteDatabase(temp.path);
    try {
      const clerk = new SqliteOfferStore(temp.db);
      const sms = new SqliteOfferStore(other);
      clerk.create(offer);
      const wins = [
        clerk.tryPresent('offer-1', 'store-clerk', t0 + 1),
        sms.tryPresent('offer-1', 'sms', t0 + 1),
      ];
      expect(wins).toEqual([true, false]);
      expect(sms.get('offer-1')).toMatchObject({ state: 'presented', presentedOn: 'store-clerk' });
    } finally {
      other.close();
    }
  });

  it('refuses to present at the exact expiry instant', () => {
    temp = openTempDatabase();
    const store = new SqliteOfferStore(temp.db);
    store.create(offer);
    expect(store.tryPresent('offer-1', 'sms', offer.expiresAt)).toBe(false);
    expect(store.tryPresent('offer-1', 'sms', offer.expiresAt - 1)).toBe(true);
  });

  it('refuses a second offer with an id already stored', () => {
    temp = openTempDatabase();
    const store = new SqliteOfferStore(temp.db);
    store.create(offer);
    expect(() => store.create({ ...offer, caseId: 'case-2' })).toThrow(/UNIQUE/);
    expect(store.get('offer-1')?.caseId).toBe('case-1');
  });
});
