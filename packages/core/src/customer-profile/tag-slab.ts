/**
 * 64 KiB per slab: one ArrayBuffer carries the tag bitsets of ~430 customers at 1,200 tags, so a
 * profile pays for a typed-array view only, not for an ArrayBuffer and its off-heap backing store
 * (measured: see docs of `createCustomerProfile`).
 */
const SLAB_BYTES = 64 * 1024;
const SLAB_WORDS = SLAB_BYTES / Uint32Array.BYTES_PER_ELEMENT;

// Module state on purpose: a memory pool is invisible to callers (each view is zeroed and never
// handed out twice), and threading an allocator through every profile operation would leak a
// storage concern into the domain API. A slab stays alive while any of its views does.
let slab = new ArrayBuffer(SLAB_BYTES);
let usedWords = 0;

/**
 * Returns a zeroed `Uint32Array` of `words` words, a view into a shared slab. Callers that persist
 * it must read `byteOffset`/`byteLength` (never the whole `.buffer`), and copy it with
 * `copyTagWords` rather than `structuredClone`, which would copy the entire 64 KiB slab.
 */
export function allocateTagWords(words: number): Uint32Array {
  if (words > SLAB_WORDS) {
    return new Uint32Array(words);
  }
  if (usedWords + words > SLAB_WORDS) {
    slab = new ArrayBuffer(SLAB_BYTES);
    usedWords = 0;
  }
  const view = new Uint32Array(slab, usedWords * Uint32Array.BYTES_PER_ELEMENT, words);
  usedWords += words;
  return view;
}

/** Copies `source` into a fresh slab view of at least `words` words (missing words stay 0). */
export function copyTagWords(source: Uint32Array, words: number = source.length): Uint32Array {
  const copy = allocateTagWords(Math.max(words, source.length));
  copy.set(source);
  return copy;
}
