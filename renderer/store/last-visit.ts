/** What this person last saw of each paragraph (a hash of its words), kept on this computer per negotiation. */
export type Visit = Record<string, string>;

const key = (negotiationId: string): string => `penholder.seen.${negotiationId}`;

/** A short hash of a paragraph's words (FNV-1a): enough to tell that they changed. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** The paragraphs as this person last saw them, or null on a first visit. */
export function readVisit(storage: Pick<Storage, 'getItem'>, negotiationId: string): Visit | null {
  try {
    const kept = storage.getItem(key(negotiationId));
    return kept ? (JSON.parse(kept) as Visit) : null;
  } catch {
    return null;
  }
}

/** Remembers the paragraphs as they are now, for "changed since my last visit" next time. */
export function writeVisit(storage: Pick<Storage, 'setItem'>, negotiationId: string, texts: Record<string, string>): void {
  const visit: Visit = {};
  for (const [id, text] of Object.entries(texts)) visit[id] = textHash(text);
  try {
    storage.setItem(key(negotiationId), JSON.stringify(visit));
  } catch {
    // A full storage only costs the markers of the next visit.
  }
}
