/** One edit of a run of text: the characters [from, to) become `insert`. */
export interface Splice {
  from: number;
  to: number;
  insert: string;
}

/** Punctuation that clings to the word before it. */
const CLINGS = /^[,.;:!?)\]]/;
/** Separators of a list: words inserted after a list item take their place after its separator. */
const SEPARATOR = /^[,;]/;

/** Applies a splice to a string. */
export function applySplice(text: string, s: Splice): string {
  return text.slice(0, s.from) + s.insert + text.slice(s.to);
}

/**
 * New words at a place, spaced as a reader expects: one space on each side where words meet, none
 * before punctuation or after an opening bracket. Words that end with a list separator, put just before
 * that same separator ("civil society|, the private sector" + "academia,"), go after it instead:
 * "civil society, academia, the private sector".
 */
export function insertion(text: string, at: number, words: string): Splice {
  const w = words.replace(/\s+/g, ' ').trim();
  if (!w) return { from: at, to: at, insert: '' };
  let place = at;
  const separator = SEPARATOR.exec(text.slice(place))?.[0];
  if (separator && w.endsWith(separator)) place += 1;
  const left = text.slice(0, place);
  const right = text.slice(place);
  const before = left.length > 0 && !/\s$/.test(left) && !/[([]$/.test(left) && !CLINGS.test(w) ? ' ' : '';
  const after = right.length > 0 && !/^\s/.test(right) && !CLINGS.test(right) && !/[([]$/.test(w) ? ' ' : '';
  return { from: place, to: place, insert: `${before}${w}${after}` };
}

/** Exactly the words [from, to) replaced by exactly the given ones. */
export function replacement(_text: string, from: number, to: number, words: string): Splice {
  return { from, to, insert: words };
}

/** The words [from, to) removed, with the space that would be left doubled (or before punctuation) removed too. */
export function deletion(text: string, from: number, to: number): Splice {
  const left = text.slice(0, from);
  const right = text.slice(to);
  if (/\s$/.test(left) && (/^\s/.test(right) || CLINGS.test(right) || right === '')) return { from: from - 1, to, insert: '' };
  if (left === '' && /^\s/.test(right)) return { from, to: to + 1, insert: '' };
  return { from, to, insert: '' };
}
