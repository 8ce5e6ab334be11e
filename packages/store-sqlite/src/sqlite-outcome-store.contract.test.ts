import { describeOutcomeStoreContract } from '@omnitouch/testkit';
import type { OutcomeStore } from '@omnitouch/engine';
import { sqliteContractHooks } from '../test/temp-database';
import { SqliteOutcomeStore } from './sqlite-outcome-store';

const hooks = sqliteContractHooks((db): OutcomeStore => new SqliteOutcomeStore(db));

describeOutcomeStoreContract(SqliteOutcomeStore.name, hooks.create, hooks.options);
