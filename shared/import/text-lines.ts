import { headerSymbol, isFootnoteSeparator, pageFurniture, symbolBeside } from './page-furniture';
import type { FootnoteBody, ReadLines, SourceLine } from './source-line';
import { superscriptMarks } from './superscripts';

const FOOTNOTE_LINE = /^(\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\*{1,3})\s*(?<=[⁰¹²³⁴⁵⁶⁷⁸⁹]|\s)(\S.*)$/u;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const markOf = (s: string): string => s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/gu, (d) => String(SUPERSCRIPT.indexOf(d)));

/** True when almost every line is followed by a blank line, as in some PDF extractions. */
function isDoubleSpaced(raw: string[]): boolean {
  let text = 0;
  let followed = 0;
  raw.forEach((l, i) => {
    if (!l.trim()) return;
    text++;
    if (i + 1 < raw.length && !raw[i + 1]?.trim()) followed++;
  });
  return text > 10 && followed / text > 0.7;
}

/**
 * Reads plain text (including text extracted from a PDF) into lines: drops page furniture, takes footnote
 * bodies out from under their separator rule, and remembers running-header symbols.
 */
export function textLines(input: string): ReadLines {
  const raw = input.split('\n').map((l) => l.replace(/[\t\u00a0\u202f\u2007]/gu, ' ').trimEnd());
  const doubleSpaced = isDoubleSpaced(raw);
  const lines: SourceLine[] = [];
  const footnotes: FootnoteBody[] = [];
  const headerSymbols: string[] = [];
  let blanks = 0;
  let afterBreak = false;
  let inFootnotes = false;
  let lastMark = 0;
  let previous = '';

  raw.forEach((rawLine, index) => {
    const beside = symbolBeside(rawLine.trim());
    if (beside) {
      headerSymbols.push(beside.symbol);
      inFootnotes = false;
      afterBreak = true;
    }
    const text = beside ? beside.rest : rawLine.trim();
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
    // A line repeated verbatim right after itself is an extraction artefact.
    if (text === previous && text.length >= 30) return;
    previous = text;
    const blankBefore = doubleSpaced ? Math.max(0, blanks - 1) : blanks;
    lines.push({ text: superscriptMarks(text), line: index + 1, blankBefore, afterBreak });
    blanks = 0;
    afterBreak = false;
  });
  return { lines, footnotes, headerSymbols };
}
