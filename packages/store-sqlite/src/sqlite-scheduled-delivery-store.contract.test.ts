import { describeScheduledDeliveryStoreContract } from '@omnitouch/testkit';
import type { ScheduledDeliveryStore } from '@omnitouch/engine';
import { sqliteContractHooks } from '../test/temp-database';
import { SqliteScheduledDeliveryStore } from './sqlite-scheduled-delivery-store';

const hooks = sqliteContractHooks(
  (db): ScheduledDeliveryStore => new SqliteScheduledDeliveryStore(db),
);

describeScheduledDeliveryStoreContract(
  SqliteScheduledDeliveryStore.name,
  hooks.create,
  hooks.options,
);
