import { describe, expect, it } from 'vitest';
import { buildTagIndex } from './tag-index';

const tag = (id: string, kind: 'static' | 'realtime' = 'static') => ({
  id,
  categoryId: 'value',
  name: { 'zh-CN': id, en: id },
  kind,
});

describe(buildTagIndex.name, () => {
  it('numbers static and real-time tags separately', () => {
    const index = buildTagIndex({ tags: [tag('a'), tag('roaming', 'realtime'), tag('b')] });
    expect(index.staticBits.get('a')).toBe(0);
    expect(index.staticBits.get('b')).toBe(1);
    expect(index.realtimeBits.get('roaming')).toBe(0);
    expect(index.words).toBe(1);
  });

  it('keeps existing bits when tags are added or removed later', () => {
    const first = buildTagIndex({ tags: [tag('a'), tag('b'), tag('c')] });
    const second = buildTagIndex({ tags: [tag('c'), tag('d')] }, first);
    expect(second.staticBits.get('c')).toBe(2);
    expect(second.staticBits.get('d')).toBe(3);
  });

  it('sizes the bitset in 32-bit words', () => {
    const tags = Array.from({ length: 1200 }, (_, i) => tag(`t${i}`));
    expect(buildTagIndex({ tags }).words).toBe(38);
  });
});
