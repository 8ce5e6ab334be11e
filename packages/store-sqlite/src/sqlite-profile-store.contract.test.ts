import { describeProfileStoreContract } from '@omnitouch/testkit';
import type { ProfileStore } from '@omnitouch/engine';
import { sqliteContractHooks } from '../test/temp-database';
import { SqliteProfileStore } from './sqlite-profile-store';

const hooks = sqliteContractHooks((db): ProfileStore => new SqliteProfileStore(db));

describeProfileStoreContract(SqliteProfileStore.name, hooks.create, hooks.options);
