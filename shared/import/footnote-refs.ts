import { FOOTNOTE_MARKER } from './source-line';

/** Stands where a footnote reference was taken out (a noncharacter, never in a text). */
const PLACE = '\uFDD0';

/**
 * Takes the places PLACE marks out of a cleaned text: the text, and for each place (in order) the offset
 * of the word it follows.
 */
export function placeMarks(text: string): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  for (const ch of text) {
    if (ch === PLACE) {
      offsets.push(out.trimEnd().length);
      continue;
    }
    if (ch === ' ' && (out.endsWith(' ') || out === '')) continue;
    out += ch;
  }
  const trimmed = out.trimEnd();
  return { text: trimmed, offsets: offsets.map((o) => Math.min(o, trimmed.length)) };
}

/** Words after which a number is part of the text (a date, a volume, a paragraph), not a footnote mark. */
const GOVERNS = new Set([
  'le', 'la', 'les', "l'", 'du', 'de', 'des', 'au', 'aux', 'à', 'et', 'ou', 'sur', 'par', 'no', 'n°', 'nº', 'vol',
  'p', 'pp', 'para', 'paras', 'paragraph', 'paragraphs', 'paragraphe', 'paragraphes', 'alinéa', 'article',
  'articles', 'art', 'chap', 'chapter', 'chapitre', 'section', 'sect', 'annex', 'annexe', 'goal', 'goals', 'objectif',
  'objectifs', 'cible', 'cibles', 'target', 'targets', 'rule', 'règle', 'principle', 'principe', 'résolution',
  'résolutions', 'resolution', 'resolutions', 'décision', 'decision', 'point', 'item', 'page', 'pages', 'the', 'of',
  'and', 'or', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'about', 'than', 'under', 'some', 'environ',
  'plus', 'moins', 'nearly', 'over', 'phase', 'niveau', 'level', 'protocol', 'protocole', 'session', 'séance',
  'meeting', 'partie', 'part', 'titre', 'title', 'entre', 'between', 'until', "jusqu'au", 'dès', 'since',
  'depuis', 'vers', 'around', 'each', 'chaque', 'tous', 'all', 'every', 'only', 'seulement', 'least',
  'option', 'options', 'alt', 'alternative', 'variante',
  // A number after "to be" counts something ("there are 2 nuclear-weapon States").
  'is', 'are', 'was', 'were', 'be', 'been', 'est', 'sont', 'était', 'étaient',
]);

/** Words after a number that show it counts or dates something. */
const COUNTED = /^(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|january|february|march|april|may|june|july|august|september|october|november|december|h|heures?|hours?|minutes?|am|pm|ans|années?|years?|jours?|days?|mois|months?|weeks?|semaines?|fois|times|millions?|milliards?|billions?|membres|members|pour|per|%|states|états|pays|countries|personnes|persons|people)\b/iu;

const TRAIL = '[,;.:)\\]»”’]*';
// English style sets the mark after the punctuation ("Crime,1"), French before it ("organisée1,").
// After a figure, only across punctuation ("79/43,4"), so that "1,500" is not read as a mark unless it is the next one.
// After a full stop only after a word of four letters or more that does not govern a number ("persons.8"), never
// after an abbreviation or in a symbol ("para.8", "Add.1", "A/75/L.1/Corr.1").
const GLUED = new RegExp(`^(.*(?:[\\p{Ll}»”)’][,;:.]?|[\\p{N}][,;:]))(\\d{1,3})(${TRAIL})$`, 'u');
// A year with the mark glued to it ("Declarations of 20172 and 2021,3"): only the next mark expected.
const YEAR = new RegExp(`^((?:19|20)\\d{2})(\\d{1,2})(${TRAIL})$`, 'u');
const ALONE = new RegExp(`^(\\d{1,3})(${TRAIL})$`, 'u');

/**
 * Finds footnote references in paragraph text, in document order, and takes them out of the text. Explicit
 * markers (from Markdown) are always references; digits glued to a word ("organisée1") or standing alone
 * after a word ("personnes 3 se tiendra") are references only when they are the next footnote expected.
 */
export class FootnoteRefs {
  private next = 0;
  private readonly sequence: string[];

  /** `marks`: the marks of the footnote bodies found, in order; empty when the text has none. */
  constructor(marks: string[]) {
    this.sequence = marks.filter((m) => /^\d+$/u.test(m));
  }

  private accept(mark: string, reach: number): boolean {
    const index = this.sequence.length
      ? this.sequence.indexOf(mark)
      : Number(mark) - 1;
    if (index < this.next || index > this.next + reach) return false;
    this.next = index + 1;
    return true;
  }

  /**
   * Returns the text without its footnote references, and the marks in the order they appear. With `place`,
   * each reference leaves PLACE where it stood (see placeMarks), so that its position survives later clean-up.
   */
  take(text: string, place = false): { text: string; marks: string[] } {
    const marks: string[] = [];
    const here = place ? PLACE : '';
    const explicit = text.replace(new RegExp(PLACE, 'gu'), '').replace(FOOTNOTE_MARKER, (_m, mark: string) => {
      marks.push(mark);
      const index = this.sequence.indexOf(mark);
      if (index >= this.next) this.next = index + 1;
      return here;
    });
    const tokens = explicit.split(/\s+/u).filter(Boolean);
    const kept: string[] = [];
    tokens.forEach((token, i) => {
      const glued = GLUED.exec(token);
      const head = glued?.[1] ?? '';
      const afterStop = head.endsWith('.') && (GOVERNS.has(head.slice(0, -1).toLowerCase()) || head.includes('/') || !/(?:^|[^\p{L}])\p{L}\p{Ll}{3,}\.$/u.test(head));
      // After a word, a figure and its punctuation ("79/43,4"), a bracket and its punctuation ("(Protocol V),8") or a
      // French closing guillemet set apart ("COVID-19 »14,").
      if (glued && /\p{L}{2}|[\d)][,;:]$|^»$/u.test(head) && !afterStop && this.accept(glued[2] ?? '', 3)) {
        marks.push(glued[2] ?? '');
        kept.push(`${head}${here}${glued[3] ?? ''}`);
        return;
      }
      const year = YEAR.exec(token);
      if (year && this.sequence.length && this.accept(year[2] ?? '', 0)) {
        marks.push(year[2] ?? '');
        kept.push(`${year[1] ?? ''}${here}${year[3] ?? ''}`);
        return;
      }
      const alone = ALONE.exec(token);
      // A number after the punctuation that ends a paragraph ("November 1993, 24") is a mark, bodies or not.
      const ending = i === tokens.length - 1 && !alone?.[2] && /\p{L}[,;:.]$|\d{4}[,;:.]$/u.test(kept[kept.length - 1] ?? '') &&
        (!this.sequence.length || this.accept(alone?.[1] ?? '', 1));
      if (alone && (ending || (this.looksLikeMark(kept[kept.length - 1], tokens[i + 1], alone[2] ?? '') &&
        this.accept(alone[1] ?? '', 1)))) {
        marks.push(alone[1] ?? '');
        if (kept.length) kept[kept.length - 1] += `${here}${alone[2] ?? ''}`;
        return;
      }
      kept.push(token);
    });
    return { text: kept.join(' '), marks };
  }

  private looksLikeMark(before: string | undefined, after: string | undefined, trail: string): boolean {
    if (!before || !/[\p{L}»”)][,;:.]?$|\p{N}[,;:.]$/u.test(before)) return false;
    if (!this.sequence.length) return false;
    // "session 1" is governed by its word; "session; 1" is a mark after the punctuation.
    if (!/[,;:.]$/u.test(before) && GOVERNS.has(before.toLowerCase().replace(/[.,;:()«»"“”]/gu, ''))) return false;
    if (trail || !after) return true;
    return /^[,;.:)»]/u.test(after) || (/^\p{Ll}/u.test(after) && !COUNTED.test(after));
  }
}
