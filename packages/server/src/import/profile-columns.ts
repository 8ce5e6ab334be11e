import type { AttributeDefinition, CatalogSnapshot, FieldIssue, Validated } from '@omnitouch/core';

/**
 * What one CSV column of a profile import holds. Besides `customerId`, attribute ids and tag ids,
 * a few reserved names carry the rest of a `ProfileChange`: `tags` (`|`-separated tag ids to set),
 * `unsubscribed`, `optedOutMethods` (`|`-separated) and `utcOffsetMinutes`.
 */
export type ProfileColumn =
  | { readonly kind: 'customerId' }
  | { readonly kind: 'attribute'; readonly id: string; readonly definition: AttributeDefinition }
  | { readonly kind: 'tag'; readonly id: string }
  | { readonly kind: 'tags' }
  | { readonly kind: 'unsubscribed' }
  | { readonly kind: 'optedOutMethods' }
  | { readonly kind: 'utcOffsetMinutes' };

/** The header of a profile CSV resolved against the catalog: one column per field, and the tag ids. */
export interface ProfileColumnPlan {
  readonly columns: readonly ProfileColumn[];
  readonly header: readonly string[];
  readonly tagIds: ReadonlySet<string>;
}

const reservedColumns = [
  'customerId',
  'tags',
  'unsubscribed',
  'optedOutMethods',
  'utcOffsetMinutes',
];

/**
 * Resolves every header cell to an attribute, a tag or a reserved column. Reports every unknown or
 * repeated column and a missing `customerId` (field = the column name), so a wrong file is refused
 * before a single row is applied.
 */
export function planProfileColumns(
  header: readonly string[],
  catalog: CatalogSnapshot,
): Validated<ProfileColumnPlan> {
  const attributes = new Map(catalog.tagCatalog.attributes.map((a) => [a.id, a]));
  const tagIds = new Set(catalog.tagCatalog.tags.map((t) => t.id));
  const names = header.map((cell) => cell.trim());
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const columns = names.map((name): ProfileColumn => {
    if (seen.has(name)) {
      issues.push({ field: name, reason: 'the column appears twice in the header' });
    }
    seen.add(name);
    return resolveColumn(name, attributes, tagIds, issues);
  });
  if (!seen.has('customerId')) {
    issues.push({ field: 'customerId', reason: 'the header must have a customerId column' });
  }
  return issues.length > 0
    ? { ok: false, issues }
    : { ok: true, value: { columns, header: names, tagIds } };
}

function resolveColumn(
  name: string,
  attributes: ReadonlyMap<string, AttributeDefinition>,
  tagIds: ReadonlySet<string>,
  issues: FieldIssue[],
): ProfileColumn {
  if (reservedColumns.includes(name)) {
    return {
      kind: name as 'customerId' | 'tags' | 'unsubscribed' | 'optedOutMethods' | 'utcOffsetMinutes',
    };
  }
  const definition = attributes.get(name);
  if (definition !== undefined) {
    return { kind: 'attribute', id: name, definition };
  }
  if (!tagIds.has(name)) {
    issues.push({
      field: name || '(empty)',
      reason: 'neither an attribute nor a tag of the catalog',
    });
  }
  return { kind: 'tag', id: name };
}
