import jsonLogic from 'json-logic-js';

/**
 * The customer as json-logic-js sees it: the attributes as top-level fields (so `{"var":"arpu"}`
 * reads them unchanged) and the customer's tags as a `Set` of tag ids under `tags`. A Set is the
 * fairest natural representation for a library that knows nothing of bitsets: O(1) membership,
 * built once per customer before timing starts, just as our profile's bitset is.
 */
export interface JsonLogicCustomer {
  readonly tags: ReadonlySet<string>;
  readonly [attribute: string]: unknown;
}

let registered = false;

/**
 * Registers `has_tag`, `has_any_tags` and `has_all_tags` with `add_operation` (json-logic-js calls
 * operations with the data as `this`); idempotent. Rules are then applied uncompiled, per evaluation,
 * which is how json-logic-js is used: it has no compile step.
 */
export function registerTagOperations(): void {
  if (registered) {
    return;
  }
  registered = true;
  jsonLogic.add_operation('has_tag', function (this: JsonLogicCustomer, id: string) {
    return this.tags.has(id);
  });
  // `{"has_any_tags": ["a", "b"]}` passes the ids as arguments, `{"has_any_tags": [["a", "b"]]}`
  // (the other form the rule language accepts) as one array: flatten both.
  jsonLogic.add_operation(
    'has_any_tags',
    function (this: JsonLogicCustomer, ...ids: (string | string[])[]) {
      return ids.flat().some((id) => this.tags.has(id));
    },
  );
  jsonLogic.add_operation(
    'has_all_tags',
    function (this: JsonLogicCustomer, ...ids: (string | string[])[]) {
      return ids.flat().every((id) => this.tags.has(id));
    },
  );
}

/** The customer's data as json-logic-js reads it. */
export function toJsonLogicCustomer(
  attributes: Readonly<Record<string, number | string>>,
  tagIds: Iterable<string>,
): JsonLogicCustomer {
  return { ...attributes, tags: new Set(tagIds) };
}

/** Whether `rule` holds for `customer` (JSON Logic truthiness of `apply`). */
export function evaluateWithJsonLogic(rule: unknown, customer: JsonLogicCustomer): boolean {
  return jsonLogic.truthy(jsonLogic.apply(rule as jsonLogic.RulesLogic, customer));
}
