/**
 * What differs between two catalog snapshots, per section (`cases`, `tagCatalog.tags`, ...):
 * ids added, removed and changed for lists of `{ id }` items; `modified` for any other section.
 */
export interface CatalogChange {
  readonly section: string;
  readonly added: string[];
  readonly removed: string[];
  readonly changed: string[];
  readonly modified: boolean;
}

type Json = unknown;

/**
 * Summarises `next` against `previous` for approvers (everything is "added" when there is no
 * previous version). Objects are compared by their JSON text, so a mere re-ordering of an object's
 * keys counts as a change: snapshots are written by one serializer, which keeps key order stable.
 */
export function describeCatalogChanges(previous: Json, next: Json): CatalogChange[] {
  return diffSection('', previous, next, 0);
}

function diffSection(section: string, before: Json, after: Json, depth: number): CatalogChange[] {
  if (isIdList(before ?? []) && isIdList(after ?? [])) {
    const change = diffIdLists(section, (before ?? []) as IdItem[], (after ?? []) as IdItem[]);
    return hasChanges(change) ? [change] : [];
  }
  if (isRecord(before ?? {}) && isRecord(after ?? {}) && depth < 2) {
    const b = (before ?? {}) as Record<string, Json>;
    const a = (after ?? {}) as Record<string, Json>;
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    return keys.flatMap((key) =>
      diffSection(section ? `${section}.${key}` : key, b[key], a[key], depth + 1),
    );
  }
  return JSON.stringify(before) === JSON.stringify(after)
    ? []
    : [{ section, added: [], removed: [], changed: [], modified: true }];
}

interface IdItem {
  readonly id: string;
}

function diffIdLists(section: string, before: IdItem[], after: IdItem[]): CatalogChange {
  const old = new Map(before.map((item) => [item.id, JSON.stringify(item)]));
  const now = new Map(after.map((item) => [item.id, JSON.stringify(item)]));
  const added = [...now.keys()].filter((id) => !old.has(id));
  const removed = [...old.keys()].filter((id) => !now.has(id));
  const changed = [...now]
    .filter(([id, text]) => old.has(id) && old.get(id) !== text)
    .map(([id]) => id);
  return { section, added, removed, changed, modified: false };
}

function hasChanges(change: CatalogChange): boolean {
  return change.added.length + change.removed.length + change.changed.length > 0;
}

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIdList(value: Json): value is IdItem[] {
  return (
    Array.isArray(value) && value.every((item) => isRecord(item) && typeof item.id === 'string')
  );
}
