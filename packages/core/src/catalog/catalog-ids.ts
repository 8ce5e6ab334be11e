import { pointer, type FieldIssue } from '../validation/field-issue';

/**
 * One issue per item whose `id` repeats an earlier item's, at `<listPath>/<index>/id`. Later
 * duplicates are the ones reported: the first occurrence is the one lookups use.
 */
export function findDuplicateIds(
  items: readonly { readonly id: string }[],
  listPath: string,
  noun: string,
): FieldIssue[] {
  const firstIndex = new Map<string, number>();
  const issues: FieldIssue[] = [];
  items.forEach((item, index) => {
    const first = firstIndex.get(item.id);
    if (first === undefined) {
      firstIndex.set(item.id, index);
    } else {
      issues.push({
        field: pointer(pointer(listPath, index), 'id'),
        reason: `duplicate ${noun} id '${item.id}' (first used at ${pointer(listPath, first)})`,
      });
    }
  });
  return issues;
}

/** Items by id; on duplicates the first wins (duplicates are reported by `findDuplicateIds`). */
export function mapById<T extends { readonly id: string }>(items: readonly T[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of items) {
    if (!byId.has(item.id)) {
      byId.set(item.id, item);
    }
  }
  return byId;
}
