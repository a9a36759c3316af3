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
  'middle', 'gender', 'child', 'age', 'rights', 'evidence', 'people', 'victim', 'trauma', 'mid', 'all', 'far', 'full', 'part', 'state', 'human', 'community', 'country', 'region', 'time',
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hors', 'sans', 'bien',
]);

/** English compounds that keep their hyphen when broken at the end of a line, as UN editors spell them. */
const COMPOUNDS = new Set([
  'cost-effective', 'cost-effectiveness', 'long-term', 'short-term', 'medium-term', 'follow-up', 'high-level',
  'multi-stakeholder', 'gender-responsive', 'gender-sensitive', 'gender-based', 'evidence-based', 'rights-based',
  'community-based', 'results-based', 'victim-centred', 'victim-centered', 'people-centred', 'survivor-centred',
  'trauma-informed', 'child-sensitive', 'age-sensitive', 'well-being', 'co-facilitator', 'co-facilitators',
  'co-chair', 'co-chairs', 'co-sponsor', 'co-sponsors', 'non-governmental', 'non-discrimination',
  'non-discriminatory', 'non-punishment', 'non-refoulement', 'non-State', 'inter-agency', 'inter-institutional',
  'decision-making', 'decision-makers', 'so-called', 'large-scale', 'small-scale', 'low-income',
  'middle-income', 'high-income', 'cross-border', 'cross-cutting', 'system-wide', 'country-level', 'age-appropriate',
  'self-determination', 'self-reliance', 'post-conflict', 'peace-building', 'capacity-building', 'end-user',
  'follow-on', 'in-depth', 'far-reaching', 'up-to-date', 'open-ended', 'time-bound', 'data-driven',
  'evidence-informed', 'human-rights-based', 'Secretary-General', 'Under-Secretary-General',
].map((w) => w.toLowerCase()));

/** English prefixes that are joined to the word after them (interregional, multisectoral, subregional). */
const JOINED_PREFIXES = new Set(['inter', 'multi', 'intra', 'sub']);

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
  if (words.has(`${h}-${t}`) || COMPOUNDS.has(`${h}-${t}`)) return keep;
  if (words.has(`${h}${t}`)) return join;
  if (JOINED_PREFIXES.has(h)) return join;
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
