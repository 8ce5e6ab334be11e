import { describe, expect, it } from 'vitest';
import { buildTagIndex, type TagIndex } from '../tag-catalog/tag-index';
import { createCustomerProfile } from './create-customer-profile';
import { hasStaticTag, setStaticTag } from './static-tags';

const indexOf = (count: number): TagIndex =>
  buildTagIndex({
    tags: Array.from({ length: count }, (_, i) => ({
      id: `t${i}`,
      categoryId: 'value',
      name: { 'zh-CN': `t${i}`, en: `t${i}` },
      kind: 'static' as const,
    })),
  });

describe(setStaticTag.name, () => {
  it.each([
    { bit: 0, word: 0, value: 0b1 },
    { bit: 31, word: 0, value: 0x8000_0000 },
    { bit: 32, word: 1, value: 0b1 },
    { bit: 1199, word: 37, value: 1 << 15 },
  ])('sets bit $bit in word $word', ({ bit, word, value }) => {
    const profile = createCustomerProfile('c1', indexOf(1200));
    setStaticTag(profile, bit, true);
    expect(profile.tags[word]).toBe(value);
    expect(hasStaticTag(profile, bit)).toBe(true);
    expect(profile.tags.reduce((sum, w) => sum + (w === 0 ? 0 : 1), 0)).toBe(1);
  });

  it('clears a bit without touching its neighbours', () => {
    const profile = createCustomerProfile('c1', indexOf(64));
    [3, 4, 5].forEach((bit) => setStaticTag(profile, bit, true));
    setStaticTag(profile, 4, false);
    expect([3, 4, 5].map((bit) => hasStaticTag(profile, bit))).toEqual([true, false, true]);
  });

  it('grows the bitset of a profile created under a smaller catalog, keeping its bits', () => {
    const profile = createCustomerProfile('c1', indexOf(10));
    setStaticTag(profile, 7, true);
    setStaticTag(profile, 100, true);
    expect(profile.tags.length).toBe(4);
    expect(hasStaticTag(profile, 7)).toBe(true);
    expect(hasStaticTag(profile, 100)).toBe(true);
  });

  it('leaves a short bitset alone when clearing a bit beyond it', () => {
    const profile = createCustomerProfile('c1', indexOf(10));
    const before = profile.tags;
    setStaticTag(profile, 100, false);
    expect(profile.tags).toBe(before);
  });

  it.each([-1, 1.5, Number.NaN])('refuses the invalid bit index %s', (bit) => {
    const profile = createCustomerProfile('c1', indexOf(10));
    expect(() => setStaticTag(profile, bit, true)).toThrow(RangeError);
  });
});

describe(hasStaticTag.name, () => {
  it('reads bits beyond a short bitset as unset', () => {
    const profile = createCustomerProfile('c1', indexOf(10));
    expect(hasStaticTag(profile, 500)).toBe(false);
  });

  it('does not see bits set on another profile sharing the slab', () => {
    const index = indexOf(1200);
    const first = createCustomerProfile('c1', index);
    const second = createCustomerProfile('c2', index);
    setStaticTag(first, 1199, true);
    setStaticTag(second, 0, true);
    expect(hasStaticTag(second, 1199)).toBe(false);
    expect(hasStaticTag(first, 0)).toBe(false);
  });
});
