import { afterEach, it } from 'vitest';

/** How a contract suite gets, reopens and releases the adapter under test. */
export interface ContractOptions<Store> {
  /**
   * Closes `store` and opens a new one over the same durable storage (same file, same database).
   * Given ⇒ the suite proves "acknowledged ⇒ durable"; omitted (volatile adapters) ⇒ those tests skip.
   */
  reopen?: (store: Store) => Store | Promise<Store>;
  /** Releases a store after each test (close handles, remove temp files). */
  dispose?: (store: Store) => void | Promise<void>;
}

/** The lifecycle one contract suite needs: fresh empty stores, reopening, disposal after each test. */
export interface ContractHarness<Store> {
  open(): Promise<Store>;
  reopen(store: Store): Promise<Store>;
  /** Declares a test that needs `reopen`: it runs for a durable adapter and is skipped otherwise. */
  itDurable(name: string, test: () => Promise<void>): void;
}

/** Registers an `afterEach` that disposes every store still open; call inside the suite's `describe`. */
export function useContractHarness<Store>(
  create: () => Store | Promise<Store>,
  options: ContractOptions<Store> = {},
): ContractHarness<Store> {
  let live: Store[] = [];
  afterEach(async () => {
    const stores = live;
    live = [];
    for (const store of stores) {
      await options.dispose?.(store);
    }
  });
  return {
    async open() {
      const store = await create();
      live.push(store);
      return store;
    },
    async reopen(store) {
      if (options.reopen === undefined) {
        throw new Error(
          'this adapter has no reopen hook: the durability tests should have skipped',
        );
      }
      live = live.filter((s) => s !== store);
      const reopened = await options.reopen(store);
      live.push(reopened);
      return reopened;
    },
    itDurable(name, test) {
      if (options.reopen === undefined) {
        it.skip(name, test);
      } else {
        it(name, test);
      }
    },
  };
}
