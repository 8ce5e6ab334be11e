/** The kinds of moment the narration rotates through, so a minute of output shows each of them. */
export const highlightKinds = [
  'deliver',
  'in-contact',
  'defer',
  'suppressed',
  'presented',
  'due',
  'hold',
] as const;
export type HighlightKind = (typeof highlightKinds)[number];

/**
 * Keeps the first moment of each kind seen in the current window and, when the window closes,
 * hands out one of them: the next kind in rotation that has a candidate.
 */
export class HighlightPicker {
  private candidates = new Map<HighlightKind, string[]>();
  private next = 0;

  /** Whether a moment of `kind` is still wanted in this window (so callers format lines only then). */
  wants(kind: HighlightKind): boolean {
    return !this.candidates.has(kind);
  }

  offer(kind: HighlightKind, lines: string[]): void {
    if (this.wants(kind)) {
      this.candidates.set(kind, lines);
    }
  }

  /** The chosen moment's lines (empty when nothing happened) and a fresh window. */
  take(): string[] {
    for (let step = 0; step < highlightKinds.length; step++) {
      const kind = highlightKinds[(this.next + step) % highlightKinds.length];
      const lines = kind === undefined ? undefined : this.candidates.get(kind);
      if (lines !== undefined) {
        this.next = (this.next + step + 1) % highlightKinds.length;
        this.candidates = new Map();
        return lines;
      }
    }
    return [];
  }
}
