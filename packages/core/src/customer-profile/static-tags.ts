import type { CustomerProfile } from './customer-profile';
import { copyTagWords } from './tag-slab';

/**
 * Sets or clears static tag `bit` (a `TagIndex.staticBits` value). A profile created under an
 * older, smaller catalog has a shorter bitset: setting a bit beyond it grows the bitset (existing
 * bits keep their meaning because bit indexes are never reused).
 */
export function setStaticTag(profile: CustomerProfile, bit: number, on: boolean): void {
  assertBit(bit);
  const word = bit >>> 5;
  const mask = 1 << (bit & 31);
  if (word >= profile.tags.length) {
    if (!on) {
      return; // missing words already read as 0
    }
    profile.tags = copyTagWords(profile.tags, word + 1);
  }
  const current = profile.tags[word] ?? 0;
  profile.tags[word] = on ? current | mask : current & ~mask;
}

/** Whether static tag `bit` is set; words beyond the profile's bitset (catalog grew) read as 0. */
export function hasStaticTag(profile: CustomerProfile, bit: number): boolean {
  const word = profile.tags[bit >>> 5];
  return word !== undefined && bit >= 0 && (word & (1 << (bit & 31))) !== 0;
}

function assertBit(bit: number): void {
  // A bad bit index is a caller's bug (it comes from a TagIndex), not a business outcome.
  if (!Number.isInteger(bit) || bit < 0) {
    throw new RangeError(`tag bit must be a non-negative integer, got ${bit}`);
  }
}
