import type { ScheduledDelivery } from '@omnitouch/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempDatabase, type TempDatabase } from '../test/temp-database';
import { openSqliteDatabase } from './sqlite-database';
import { SqliteScheduledDeliveryStore } from './sqlite-scheduled-delivery-store';

const t0 = Date.UTC(2026, 10, 25, 13);

function delivery(offerId: string): ScheduledDelivery {
  return {
    offerId,
    customerId: 'customer-1',
    caseId: 'case-1',
    touchpointId: 'sms',
    deliveryMethod: 'sms',
    content: { 'zh-CN': '早上好', en: 'Good morning' },
    deliverAt: t0,
    expiresAt: t0 + 1000,
  };
}

describe(SqliteScheduledDeliveryStore.name, () => {
  let temp: TempDatabase;
  afterEach(() => temp.remove());

  it('hands a delivery to only one of two connections taking due deliveries', () => {
    temp = openTempDatabase();
    const other = openSqliteDatabase(temp.path);
    try {
      const first = new SqliteScheduledDeliveryStore(temp.db);
      const second = new SqliteScheduledDeliveryStore(other);
      ['o1', 'o2', 'o3'].forEach((id) => first.schedule(delivery(id)));
      const taken = [...first.takeDue(t0, 2), ...second.takeDue(t0, 2), ...first.takeDue(t0, 2)];
      expect(taken.map((d) => d.offerId)).toEqual(['o1', 'o2', 'o3']);
      expect(second.size()).toBe(0);
    } finally {
      other.close();
    }
  });

  it('returns an expired delivery too, leaving the decision to drop it to the engine', () => {
    temp = openTempDatabase();
    const store = new SqliteScheduledDeliveryStore(temp.db);
    store.schedule(delivery('o1'));
    expect(store.takeDue(t0 + 5000, 10).map((d) => d.offerId)).toEqual(['o1']);
  });
});
