import { GroupCommitter, type GroupCommitOptions } from './group-committer';
import { SqliteApiKeyStore } from './sqlite-api-key-store';
import { SqliteCatalogStore } from './sqlite-catalog-store';
import type { SqliteDatabase } from './sqlite-database';
import { SqliteEventLog } from './sqlite-event-log';
import { SqliteOfferStore } from './sqlite-offer-store';
import { SqliteOutcomeStore } from './sqlite-outcome-store';
import { SqliteProfileStore } from './sqlite-profile-store';
import { SqliteScheduledDeliveryStore } from './sqlite-scheduled-delivery-store';

/** Every adapter of this package over one database, for the server's composition root. */
export interface SqliteStores<TCatalogSnapshot = unknown> {
  readonly profiles: SqliteProfileStore;
  readonly offers: SqliteOfferStore;
  readonly outcomes: SqliteOutcomeStore;
  readonly eventLog: SqliteEventLog;
  /** Acknowledge ingested events through this: it resolves once they are durable. */
  readonly eventCommitter: GroupCommitter;
  readonly scheduledDeliveries: SqliteScheduledDeliveryStore;
  readonly catalogs: SqliteCatalogStore<TCatalogSnapshot>;
  readonly apiKeys: SqliteApiKeyStore;
}

/** Builds every adapter over `db` (opened with `openSqliteDatabase`, so the schema is current). */
export function createSqliteStores<TCatalogSnapshot = unknown>(
  db: SqliteDatabase,
  groupCommit?: GroupCommitOptions,
): SqliteStores<TCatalogSnapshot> {
  const eventLog = new SqliteEventLog(db);
  return {
    profiles: new SqliteProfileStore(db),
    offers: new SqliteOfferStore(db),
    outcomes: new SqliteOutcomeStore(db),
    eventLog,
    eventCommitter: new GroupCommitter(eventLog, groupCommit),
    scheduledDeliveries: new SqliteScheduledDeliveryStore(db),
    catalogs: new SqliteCatalogStore<TCatalogSnapshot>(db),
    apiKeys: new SqliteApiKeyStore(db),
  };
}
