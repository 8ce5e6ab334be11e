import { accepted, rejected, type Validated } from '../validation/field-issue';
import type { CatalogSnapshot } from './catalog-snapshot.schema';

/**
 * A deep-frozen deep copy of `snapshot`, so the compiled catalog cannot change under the pipeline
 * when the caller later edits (or reuses) the object it published. Rejects values that are not
 * plain data (a function inside a rule), which a published catalog could not carry anyway.
 */
export function freezeSnapshotCopy(snapshot: CatalogSnapshot): Validated<CatalogSnapshot> {
  let copy: CatalogSnapshot;
  try {
    copy = structuredClone(snapshot);
  } catch {
    return rejected([{ field: '/', reason: 'must be plain JSON data' }]);
  }
  return accepted(deepFreeze(copy));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) {
      deepFreeze(child);
    }
  }
  return value;
}
