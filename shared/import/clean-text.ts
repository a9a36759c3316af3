/** Normalises a paragraph's text for output: one line, single spaces, extraction artefacts removed. */
export function cleanText(text: string): string {
  return text
    .replace(/[\s\u00a0\u202f]+/gu, ' ')
    // "d ’une", "l ’action": a stray space before an elided article's apostrophe.
    .replace(/(^|[\s(«“])([dlnjmtsc]|qu|jusqu|lorsqu|puisqu) ([’'])(?=\p{L})/giu, '$1$2$3')
    .replace(/ +([,.)\]])/gu, '$1')
    .replace(/([(\[]) +/gu, '$1')
    .trim();
}
