/**
 * Joins the physical lines of a paragraph into one line, undoing end-of-line hyphenation where the hyphen
 * was only the typesetter's.
 */

/** Prefixes and first words that keep their hyphen when a compound is broken at the end of a line. */
const KEEP_BEFORE = new Set([
  'soixante', 'quatre', 'vingt', 'trente', 'quarante', 'cinquante', 'dix', 'deux', 'trois', 'cinq', 'six', 'sept',
  'huit', 'neuf', 'non', 'peut', 'auto', 'sous', 'anti', 'co', 'post', 'pré', 'pre', 'ex', 'vice', 'semi', 'demi',
  'mi', 'quasi', 'extra', 'contre', 'arrière', 'avant', 'après', 'haut', 'grand', 'belle', 'beau', 'chef', 'porte',
  'self', 'well', 'high', 'low', 'long', 'short', 'follow', 'cross', 'decision', 'policy', 'large', 'small',
  'middle', 'gender', 'child', 'age', 'rights', 'evidence', 'people', 'victim', 'trauma', 'multi', 'inter', 'intra',
  'sub', 'mid', 'all', 'far', 'full', 'part', 'state', 'human', 'community', 'country', 'region', 'time',
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hors', 'sans', 'bien',
]);

/** Second halves that are words of their own after a hyphen (elles-mêmes, celles-ci, a-t-il). */
const KEEP_AFTER = /^(?:mêmes?|ci|là|t|il|ils|elle|elles|on|être|up|based|led|related|making|term|level|scale|wide|free|sensitive|specific|oriented|centred|centered|informed|owned|driven|appropriate|responsive)\b/u;

/** Every word of a text, lower-cased, for checking how the document itself spells a word elsewhere. */
export function vocabulary(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}][\p{L}’'-]*/gu) ?? []);
}

function joinHyphen(before: string, after: string, words: Set<string>): string {
  const head = /([\p{L}’']+)-$/u.exec(before)?.[1] ?? '';
  const tail = /^[\p{L}’']+/u.exec(after)?.[0] ?? '';
  const h = head.toLowerCase().replace(/^.*[’']/u, '');
  const t = tail.toLowerCase();
  const keep = `${before}${after}`;
  const join = `${before.slice(0, -1)}${after}`;
  if (!tail || /^\p{Lu}/u.test(tail) || /^\d/u.test(after)) return keep;
  if (words.has(`${h}-${t}`)) return keep;
  if (words.has(`${h}${t}`)) return join;
  if (KEEP_BEFORE.has(h) || KEEP_AFTER.test(t)) return keep;
  return join;
}

/** Joins lines into one paragraph line: hyphenation undone with judgement, whitespace normalised. */
export function joinLines(lines: string[], words: Set<string>): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) out = line;
    else if (/\p{L}-$/u.test(out) && /^\p{L}/u.test(line)) out = joinHyphen(out, line, words);
    else out = `${out} ${line}`;
  }
  return out.replace(/\s+/gu, ' ').trim();
}
