import { describe, expect, it } from 'vitest';
import { describeCatalogChanges } from './catalog-changes';

const base = {
  tagCatalog: { categories: [{ id: 'value' }], tags: [{ id: '5g-user', kind: 'static' }] },
  cases: [
    { id: 'data-pack', priority: 1 },
    { id: 'roaming', priority: 2 },
  ],
  contactPolicy: { dailyCap: 2 },
};

describe(describeCatalogChanges.name, () => {
  it('lists added, removed and changed ids per section, nested sections by path', () => {
    const next = {
      ...base,
      tagCatalog: { ...base.tagCatalog, tags: [{ id: '5g-user', kind: 'static' }, { id: 'vip' }] },
      cases: [{ id: 'data-pack', priority: 3 }, { id: 'new-phone' }],
    };
    expect(describeCatalogChanges(base, next)).toEqual([
      {
        section: 'cases',
        added: ['new-phone'],
        removed: ['roaming'],
        changed: ['data-pack'],
        modified: false,
      },
      { section: 'tagCatalog.tags', added: ['vip'], removed: [], changed: [], modified: false },
    ]);
  });

  it('marks a section without ids as modified', () => {
    const next = { ...base, contactPolicy: { dailyCap: 3 } };
    expect(describeCatalogChanges(base, next)).toEqual([
      { section: 'contactPolicy.dailyCap', added: [], removed: [], changed: [], modified: true },
    ]);
  });

  it('reports nothing for an identical snapshot and everything as added for the first one', () => {
    expect(describeCatalogChanges(base, structuredClone(base))).toEqual([]);
    expect(describeCatalogChanges(undefined, base)).toContainEqual({
      section: 'cases',
      added: ['data-pack', 'roaming'],
      removed: [],
      changed: [],
      modified: false,
    });
  });
});
