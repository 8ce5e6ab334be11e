import { describeEventLogContract } from '@omnitouch/testkit';
import type { EventLog } from '@omnitouch/engine';
import { sqliteContractHooks } from '../test/temp-database';
import { SqliteEventLog } from './sqlite-event-log';

const hooks = sqliteContractHooks((db): EventLog => new SqliteEventLog(db));

describeEventLogContract(SqliteEventLog.name, hooks.create, hooks.options);
