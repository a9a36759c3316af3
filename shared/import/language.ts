const FRENCH = /\b(?:le|la|les|des|du|et|dans|une|aux|qui|sur|pour|sa|ses|leur|est)\b/giu;
const ENGLISH = /\b(?:the|and|of|to|in|which|for|its|their|with|is|on|that)\b/giu;

/** Guesses whether a UN text is in French or English by counting common function words. */
export function detectLanguage(text: string): 'en' | 'fr' {
  const fr = text.match(FRENCH)?.length ?? 0;
  const en = text.match(ENGLISH)?.length ?? 0;
  return fr > en ? 'fr' : 'en';
}
