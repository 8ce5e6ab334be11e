/**
 * A deterministic id generator: `prefix-1`, `prefix-2`, ... Each generator counts on its own, so a
 * test that creates its own generator always sees the same ids.
 */
export function createSequentialIds(prefix: string): () => string {
  let next = 0;
  return () => `${prefix}-${++next}`;
}
