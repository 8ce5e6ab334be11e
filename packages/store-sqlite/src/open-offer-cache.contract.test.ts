import { describeOfferStoreContract } from '@omnitouch/testkit';
import type { OfferStore } from '@omnitouch/engine';
import { openTempDatabase, type TempDatabase } from '../test/temp-database';
import { createOpenOfferCache, type OpenOfferCache } from './open-offer-cache';
import { SqliteOfferStore } from './sqlite-offer-store';

// Reopening flushes first, as the runtime does before every commit: what was flushed must survive.
const files = new WeakMap<OpenOfferCache, TempDatabase>();
const build = (temp: TempDatabase): OpenOfferCache => {
  const cache = createOpenOfferCache(new SqliteOfferStore(temp.db));
  files.set(cache, temp);
  return cache;
};
const fileOf = (store: OfferStore): TempDatabase => {
  const temp = files.get(store as OpenOfferCache);
  if (temp === undefined) {
    throw new Error('not a cache of this suite');
  }
  return temp;
};

describeOfferStoreContract(
  `${createOpenOfferCache.name} over SQLite`,
  () => build(openTempDatabase()),
  {
    reopen(store) {
      (store as OpenOfferCache).flush();
      const temp = fileOf(store);
      temp.reopen();
      return build(temp);
    },
    dispose: (store) => fileOf(store).remove(),
  },
);
