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

/** The previous value when it serialises the same (for small plain values read from the documents). */
export function stableValue<T>(previous: { json: string; value: T } | undefined, value: T): { json: string; value: T } {
  const json = JSON.stringify(value);
  return previous && previous.json === json ? previous : { json, value };
}
