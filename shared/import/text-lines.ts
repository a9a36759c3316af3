import { headerSymbol, isFootnoteSeparator, pageFurniture, symbolBeside } from './page-furniture';
import type { FootnoteBody, ReadLines, SourceLine } from './source-line';
import { superscriptMarks } from './superscripts';

const FOOTNOTE_LINE = /^(\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\*{1,3})\s*(?<=[⁰¹²³⁴⁵⁶⁷⁸⁹]|\s)(\S.*)$/u;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
const BARE_NOTE = new RegExp(`^(\\d{1,3}) (?!(?:${MONTHS})\\b)((?:[A-Z(“"]|See\\b|Ibid)\\S*.{0,400})$`, 'u');
const markOf = (s: string): string => s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/gu, (d) => String(SUPERSCRIPT.indexOf(d)));

/**
 * True when almost every line is followed by a blank line, as in some PDF extractions, and many of those
 * lines stop mid-sentence (a text with one paragraph per line and blank lines between is not double-spaced).
 */
function isDoubleSpaced(raw: string[]): boolean {
  let text = 0;
  let followed = 0;
  let midSentence = 0;
  raw.forEach((l, i) => {
    if (!l.trim()) return;
    text++;
    if (i + 1 < raw.length && !raw[i + 1]?.trim()) followed++;
    if (!/[.,;:!?»”")\d⁰¹²³⁴⁵⁶⁷⁸⁹]$/u.test(l.trim())) midSentence++;
  });
  return text > 10 && followed / text > 0.7 && midSentence / text > 0.25;
}

/** True when the text sets each paragraph on one long line (copied from a web page or a word processor). */
function isUnwrapped(raw: string[]): boolean {
  const text = raw.filter((l) => l.trim());
  const long = text.filter((l) => l.trim().length > 120).length;
  return text.length >= 3 && long / text.length >= 0.25;
}

/** Leading spaces of a raw line. */
const indentOf = (l: string): number => l.length - l.trimStart().length;

/**
 * Reads plain text (including text extracted from a PDF) into lines: drops page furniture, takes footnote
 * bodies out from under their separator rule, and remembers running-header symbols.
 */
export function textLines(input: string): ReadLines {
  const raw = input.split('\n').map((l) => l.replace(/[\t\u00a0\u202f\u2007]/gu, ' ').trimEnd());
  const doubleSpaced = isDoubleSpaced(raw);
  const unwrapped = isUnwrapped(raw);
  let previousIndent = 0;
  let previousStarted = false;
  const lines: SourceLine[] = [];
  const footnotes: FootnoteBody[] = [];
  const headerSymbols: string[] = [];
  let blanks = 0;
  let afterBreak = false;
  let inFootnotes = false;
  let lastMark = 0;
  let previous = '';

  // The last line a footnote body set between paragraphs took (its lines are not read again).
  let skip = -1;
  raw.forEach((rawLine, index) => {
    if (index <= skip) return;
    const beside = symbolBeside(rawLine.trim());
    if (beside) {
      headerSymbols.push(beside.symbol);
      inFootnotes = false;
      afterBreak = true;
    }
    const trimmed = beside ? beside.rest : rawLine.trim();
    // A Markdown footnote definition left in plain text ("[^1]: Official Records …", a web copy of Markdown) is a body.
    const definition = /^\[\^(\d{1,3})\]:\s+(?=\S)/u.exec(trimmed);
    if (definition) inFootnotes = true;
    const text = definition ? `${definition[1] ?? ''} ${trimmed.slice(definition[0].length)}` : trimmed;
    if (!text) {
      blanks++;
      return;
    }
    if (isFootnoteSeparator(text)) {
      inFootnotes = true;
      afterBreak = true;
      return;
    }
    const furniture = pageFurniture(text);
    if (furniture) {
      const symbol = furniture === 'symbol' ? headerSymbol(text) : null;
      if (symbol) headerSymbols.push(symbol);
      inFootnotes = false;
      afterBreak = true;
      return;
    }
    if (inFootnotes) {
      const m = FOOTNOTE_LINE.exec(text);
      const mark = m?.[1] && markOf(m[1]);
      const current = footnotes[footnotes.length - 1];
      if (m && mark && (mark.startsWith('*') || Number(mark) > lastMark)) {
        footnotes.push({ mark, text: m[2] ?? '', line: index + 1 });
        if (!mark.startsWith('*')) lastMark = Number(mark);
        blanks = 0;
        return;
      }
      // A body that has not reached its full stop runs on; anything else is the text again.
      if (current && !/[.)]$/u.test(current.text)) {
        current.text += `\n${text}`;
        blanks = 0;
        return;
      }
      inFootnotes = false;
    }
    // A footnote body the extraction set between paragraphs without its rule ("2 A/57/759-S/2003/332, annex I."):
    // the next footnote's number, a capital, a full stop at the end, set apart by blank lines.
    // Its body may run over a few lines ("7 Argentina, Armenia, …," / "Togo, … Zimbabwe.") up to the blank line.
    const bare = BARE_NOTE.exec(text);
    let runOn = 0;
    while (bare && runOn < 6 && raw[index + 1 + runOn]?.trim()) runOn++;
    const body = bare ? [bare[2] ?? '', ...raw.slice(index + 1, index + 1 + runOn).map((l) => l.trim())].join('\n') : '';
    if (bare && Number(bare[1]) > lastMark && Number(bare[1]) <= lastMark + 2 && /[.)]$/u.test(body) &&
      (doubleSpaced ? blanks > 1 : blanks > 0) && !raw[index + 1 + runOn]?.trim()) {
      footnotes.push({ mark: bare[1] ?? '', text: body, line: index + 1 });
      lastMark = Number(bare[1]);
      afterBreak = true;
      blanks = 0;
      skip = index + runOn;
      return;
    }
    // A line repeated verbatim right after itself is an extraction artefact.
    if (text === previous && text.length >= 30) return;
    previous = text;
    const blankBefore = doubleSpaced ? Math.max(0, blanks - 1) : blanks;
    // A first-line indent after a line set to the margin, or the same indent after a one-line paragraph.
    const indent = beside ? 0 : indentOf(rawLine);
    const indented = indent > 0 && (indent > previousIndent || (indent === previousIndent && previousStarted));
    const layoutBreak = unwrapped || (indented && !afterBreak && lines.length > 0);
    previousStarted = indented || blankBefore > 0;
    previousIndent = indent;
    lines.push({ text: superscriptMarks(text), line: index + 1, blankBefore, afterBreak, ...(layoutBreak ? { layoutBreak } : {}) });
    blanks = 0;
    afterBreak = false;
  });
  return { lines, footnotes, headerSymbols };
}
