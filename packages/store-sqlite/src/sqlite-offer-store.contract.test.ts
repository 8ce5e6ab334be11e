import { describeOfferStoreContract } from '@omnitouch/testkit';
import type { OfferStore } from '@omnitouch/engine';
import { sqliteContractHooks } from '../test/temp-database';
import { SqliteOfferStore } from './sqlite-offer-store';

const hooks = sqliteContractHooks((db): OfferStore => new SqliteOfferStore(db));

describeOfferStoreContract(SqliteOfferStore.name, hooks.create, hooks.options);
