const counters = new Map<string, number>();

/**
 * The next default id for a factory-built `kind` (`case-1`, `case-2`, ...). Deterministic within a
 * test file (Vitest isolates modules per file); call `resetFactoryIds` in `beforeEach` to make it
 * deterministic per test too.
 */
export function nextFactoryId(kind: string): string {
  const next = (counters.get(kind) ?? 0) + 1;
  counters.set(kind, next);
  return `${kind}-${next}`;
}

/** Restarts every factory's id sequence at 1. */
export function resetFactoryIds(): void {
  counters.clear();
}
