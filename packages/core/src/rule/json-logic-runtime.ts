/**
 * The helpers compiled rules call at run time. Each mirrors the matching operation of
 * json-logic-js@2.0.5 (logic.js) statement for statement, including its coercions, because the
 * compiled rules must return exactly what `jsonLogic.apply` returns.
 */

/** Evaluates a rule that is only known at run time (`missing` keys that are themselves rules). */
export type ApplyDynamic = (logic: unknown, data: unknown) => unknown;

/** A function compiled from the scoped logic of `map`, `filter`, `all`…; `input` is the profile rule's input. */
export type ScopedLogic = (data: unknown, input: unknown) => unknown;

/** JSON Logic truthiness (jsonlogic.com/truthy): `[]` is falsy, `"0"` is truthy. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value) && value.length === 0) {
    return false;
  }
  return !!value;
}

/** `var`: dotted path (numbers index arrays), `""`/null returns the whole data, `notFound` defaults to null. */
export function varOf(data: unknown, path: unknown, notFound: unknown): unknown {
  const fallback = notFound === undefined ? null : notFound;
  if (path === undefined || path === '' || path === null) {
    return data;
  }
  let current = data;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- json-logic-js stringifies any path: [["a"]] reads "a"
  for (const part of String(path).split('.')) {
    if (current === null || current === undefined) {
      return fallback;
    }
    current = (current as Record<string, unknown>)[part];
    if (current === undefined) {
      return fallback;
    }
  }
  return current;
}

function isObjectLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

/** `{"var": key}` evaluated against `data`, where `key` is a run-time value. */
function varOfKey(key: unknown, data: unknown, apply: ApplyDynamic): unknown {
  if (Array.isArray(key) && !key.some(isObjectLike)) {
    return varOf(data, key[0], key[1]);
  }
  return isObjectLike(key) ? apply({ var: key }, data) : varOf(data, key, undefined);
}

/** `missing`: the keys whose value is null or "" (a first argument that is an array is the key list). */
export function missing(data: unknown, args: readonly unknown[], apply: ApplyDynamic): unknown[] {
  const first = args[0];
  const keys: readonly unknown[] = Array.isArray(first) ? first : args;
  const result: unknown[] = [];
  for (const key of keys) {
    const value = varOfKey(key, data, apply);
    if (value === null || value === '') {
      result.push(key);
    }
  }
  return result;
}

/** `missing_some`: `[]` when at least `needCount` of `options` are present, else the missing ones. */
export function missingSome(
  data: unknown,
  needCount: unknown,
  options: unknown,
  apply: ApplyDynamic,
): unknown {
  let areMissing: unknown;
  if (Array.isArray(options) && !options.some(isObjectLike)) {
    areMissing = missing(data, options, apply);
  } else if (!Array.isArray(options) && !isObjectLike(options)) {
    areMissing = missing(data, [options], apply);
  } else {
    // Objects inside `options` are evaluated as rules again, exactly as `apply({missing: options})` does.
    areMissing = apply({ missing: options }, data);
  }
  const optionCount = (options as { length: number }).length;
  const missingCount = (areMissing as { length: number }).length;
  return optionCount - missingCount >= (needCount as number) ? [] : areMissing;
}

/** `in`: substring or array membership; false when the haystack has no `indexOf`. */
export function isIn(needle: unknown, haystack: unknown): boolean {
  const searchable = haystack as { indexOf?: (value: unknown) => number } | null | undefined;
  if (!searchable || typeof searchable.indexOf === 'undefined') {
    return false;
  }
  return searchable.indexOf(needle) !== -1;
}

/** `cat`: joins with "" (so null and undefined become empty, arrays join with commas). */
export function cat(args: readonly unknown[]): string {
  return args.join('');
}

/** `substr`: `String.prototype.substr`, with a negative length counting back from the end (PHP style). */
export function substr(source: unknown, start: unknown, end: unknown): string {
  if ((end as number) < 0) {
    const temp = String(source).substr(start as number);
    return temp.substr(0, temp.length + (end as number));
  }
  return String(source).substr(start as number, end as number);
}

/** `*`: parseFloat product; with no argument it throws like `reduce` without an initial value. */
export function multiply(args: readonly unknown[]): unknown {
  return args.reduce((a, b) => parseFloat(a as string) * parseFloat(b as string));
}

/** `filter`: the items of `items` for which `logic` is truthy; `[]` when `items` is not an array. */
export function filterItems(items: unknown, logic: ScopedLogic, input: unknown): unknown[] {
  if (!Array.isArray(items)) {
    return [];
  }
  return items.filter((datum) => truthy(logic(datum, input)));
}

/** `map`: `logic` applied to each item; `[]` when `items` is not an array. */
export function mapItems(items: unknown, logic: ScopedLogic, input: unknown): unknown[] {
  if (!Array.isArray(items)) {
    return [];
  }
  return items.map((datum) => logic(datum, input));
}

/** `reduce`: folds with data `{current, accumulator}`; returns `initial` when `items` is not an array. */
export function reduceItems(
  items: unknown,
  logic: ScopedLogic,
  initial: unknown,
  input: unknown,
): unknown {
  if (!Array.isArray(items)) {
    return initial;
  }
  return items.reduce(
    (accumulator: unknown, current: unknown) => logic({ current, accumulator }, input),
    initial,
  );
}

/** `all`: false for a non-array or empty array, else whether every item satisfies `logic`. */
export function allItems(items: unknown, logic: ScopedLogic, input: unknown): boolean {
  if (!Array.isArray(items) || !items.length) {
    return false;
  }
  for (let i = 0; i < items.length; i += 1) {
    if (!truthy(logic(items[i], input))) {
      return false;
    }
  }
  return true;
}

/** `some`: false for a non-array or empty array, else whether any item satisfies `logic`. */
export function someItems(items: unknown, logic: ScopedLogic, input: unknown): boolean {
  if (!Array.isArray(items) || !items.length) {
    return false;
  }
  for (let i = 0; i < items.length; i += 1) {
    if (truthy(logic(items[i], input))) {
      return true;
    }
  }
  return false;
}

/** `none`: true for a non-array or empty array, else whether no item satisfies `logic`. */
export function noItems(items: unknown, logic: ScopedLogic, input: unknown): boolean {
  return !Array.isArray(items) || !items.length ? true : !someItems(items, logic, input);
}
