import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase, type SqliteDatabase } from '../sqlite-database';
import { SqliteChannelBindingStore } from './sqlite-channel-binding-store';

const now = Date.UTC(2026, 10, 25, 2, 0, 0);
let db: SqliteDatabase;
afterEach(() => db.close());

describe(SqliteChannelBindingStore.name, () => {
  it('creates, replaces, lists and deletes bindings', () => {
    db = openSqliteDatabase(':memory:');
    const store = new SqliteChannelBindingStore(db);
    const webhook = {
      touchpointId: 'sms',
      kind: 'webhook',
      url: 'https://gw.example/sms',
      secret: 's3cret',
      timeoutMs: 2000,
    } as const;
    expect(store.put(webhook, now)).toBe(true);
    expect(store.get('sms')).toEqual(webhook);
    expect(store.put({ touchpointId: 'sms', kind: 'log' }, now + 1)).toBe(false);
    expect(store.get('sms')).toEqual({ touchpointId: 'sms', kind: 'log' });
    store.put({ touchpointId: 'app', kind: 'staff-screen' }, now);
    expect(store.list().map((b) => b.touchpointId)).toEqual(['app', 'sms']);
    expect(store.delete('sms')).toBe(true);
    expect(store.delete('sms')).toBe(false);
    expect(store.get('sms')).toBeUndefined();
  });
});
