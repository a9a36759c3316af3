/**
 * Keeps derived values stable by identity across renders when they did not change, so that memoised
 * components (one ParagraphCard per paragraph) re-render only for the paragraph that changed.
 */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The previous list when it holds the same items (by identity), else the new one. */
export function stableList<T>(previous: readonly T[] | undefined, next: T[]): T[] {
  return previous && sameItems(previous, next) ? (previous as T[]) : next;
}
