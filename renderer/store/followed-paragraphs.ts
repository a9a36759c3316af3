import { useCallback, useState } from 'react';

const key = (negotiationId: string): string => `penholder.followed.${negotiationId}`;

/** The paragraphs this person asked to be told about, kept on this computer per negotiation. */
export function readFollowed(storage: Pick<Storage, 'getItem'>, negotiationId: string): Set<string> {
  try {
    const kept: unknown = JSON.parse(storage.getItem(key(negotiationId)) ?? '[]');
    return new Set(Array.isArray(kept) ? kept.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

/** The paragraphs followed, and the function that follows or stops following one. */
export function useFollowedParagraphs(negotiationId: string): [ReadonlySet<string>, (paragraphId: string) => void] {
  const [followed, setFollowed] = useState<ReadonlySet<string>>(() => (typeof localStorage === 'undefined' ? new Set() : readFollowed(localStorage, negotiationId)));
  const toggle = useCallback(
    (paragraphId: string) =>
      setFollowed((now) => {
        const next = new Set(now);
        if (!next.delete(paragraphId)) next.add(paragraphId);
        try {
          // Absent when rendered outside a browser (tests): the choice then lasts as long as the page.
          globalThis.localStorage?.setItem(key(negotiationId), JSON.stringify([...next]));
        } catch {
          // A full storage only forgets the choice at the next visit.
        }
        return next;
      }),
    [negotiationId],
  );
  return [followed, toggle];
}
