import type { TagCatalog } from './tag-catalog.schema';

/**
 * Maps tag ids to bit positions. Static tags index the profile's `tags` bitset; real-time tags have
 * their own numbering (used in `realtimeTags` pairs). Bits are never reused or shifted: a tag added
 * later gets the next free bit, so profiles stored under an older catalog stay correct.
 */
export interface TagIndex {
  readonly staticBits: ReadonlyMap<string, number>;
  readonly realtimeBits: ReadonlyMap<string, number>;
  /** Length of the static-tag bitset in 32-bit words. */
  readonly words: number;
}

/** Builds the index for `catalog`, keeping every bit that `previous` already assigned. */
export function buildTagIndex(catalog: Pick<TagCatalog, 'tags'>, previous?: TagIndex): TagIndex {
  const staticBits = new Map(previous?.staticBits);
  const realtimeBits = new Map(previous?.realtimeBits);
  let nextStatic = nextFreeBit(staticBits);
  let nextRealtime = nextFreeBit(realtimeBits);
  for (const tag of catalog.tags) {
    if (tag.kind === 'static' && !staticBits.has(tag.id)) {
      staticBits.set(tag.id, nextStatic++);
    } else if (tag.kind === 'realtime' && !realtimeBits.has(tag.id)) {
      realtimeBits.set(tag.id, nextRealtime++);
    }
  }
  return { staticBits, realtimeBits, words: Math.max(1, Math.ceil(nextStatic / 32)) };
}

function nextFreeBit(bits: ReadonlyMap<string, number>): number {
  let next = 0;
  for (const bit of bits.values()) {
    next = Math.max(next, bit + 1);
  }
  return next;
}
