import { headerSymbol, pageFurniture } from './page-furniture';
import { footnoteMarker } from './source-line';
import type { FootnoteBody, ReadLines, SourceLine } from './source-line';

const RULE = /^(?:-{3,}|\*{3,}|_{3,})$/u;
const HEADING = /^#{1,6}\s+(.*?)\s*#*$/u;
const FOOTNOTE_BODY = /^(?:<sup>\s*([^<\s]+)\s*<\/sup>|\[\^([^\]\s]+)\]:)\s*(.*)$/su;
const LIST_MARKER = /^(?:[-+]|\*(?=\s))\s+/u;
/** A sub-item label opening a line ("(a) ", "a) ", "ii) ", "(_a_) " with the label in italics). */
const ITEM_START = /^\(?[_*]{0,2}(?:[a-z]{1,2}|[ivxlc]{1,6})[_*]{0,2}\)\s/u;
const NUMBERED_START = /^\d{1,3}\.\s+[\p{Lu}«“*_[]/u;
const ITALIC_START = /^((?:\d{1,3}\.\s+|\(?[a-z]{1,4}\)\s+)?)(\*{1,3}|_{1,3})(?!\s)(.+?)(?<!\s)\2(?!\*)/u;

/** Inline Markdown to plain text: footnote references become markers, links their text, emphasis goes. */
function inline(text: string): string {
  return text
    .replace(/<sup>\s*(\d{1,3}|\*{1,3})\s*<\/sup>/gu, (_m, mark: string) => footnoteMarker(mark))
    .replace(/\[\^([^\]\s]+)\]/gu, (_m, mark: string) => footnoteMarker(mark))
    .replace(/<sup>(.*?)<\/sup>/gu, '$1')
    .replace(/<br\s*\/?>/giu, ' ')
    .replace(/<\/?[a-z][^>]*>/giu, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/gu, '$1');
}

function plain(text: string): string {
  return text
    .replace(/(?<!\\)\*+/gu, '')
    .replace(/(^|[\s(«“])_+|_+(?=$|[\s),.;:»”])/gu, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>])/gu, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Splits Markdown into blocks: paragraphs, list items and hard-broken lines each become one entry. */
function blocks(input: string): { text: string; line: number; blankBefore: number }[] {
  const out: { text: string; line: number; blankBefore: number }[] = [];
  let open = false;
  let blanks = 0;
  input.split('\n').forEach((rawLine, index) => {
    const line = rawLine.replace(/\t/gu, ' ');
    const text = line.trim();
    if (!text) {
      blanks++;
      open = false;
      return;
    }
    const last = out[out.length - 1];
    // A sub-item on its own line after a lead-in or an entry ("que :" then "    a) ...") opens a block too.
    const before = last?.text.replace(/(?:\[\^[^\]\s]+\]|<sup>[^<]*<\/sup>)+$/u, '') ?? '';
    const item = (ITEM_START.test(text) && /[:;,]$|\b(?:and|or|et|ou)$/u.test(before)) ||
      // A numbered paragraph on the line after the last one ended ("3. We also welcome …;" / "4. We reaffirm …").
      (NUMBERED_START.test(text) && /[.;:]\s*(?:\d{1,3})?$/u.test(before));
    const starts = !open || !last || item || LIST_MARKER.test(text) || HEADING.test(text) || RULE.test(text) ||
      FOOTNOTE_BODY.test(text);
    if (starts) {
      out.push({ text, line: index + 1, blankBefore: blanks });
    } else {
      last.text += `\n${text}`;
    }
    // A hard break (two trailing spaces or a backslash) ends the line as a reader sees it.
    open = !/(?: {2,}|\\)$/u.test(line) && !HEADING.test(text) && !RULE.test(text);
    blanks = 0;
  });
  return out;
}

/**
 * The Markdown without what a static site adds around a text: YAML front matter (its lines kept blank, so that
 * line numbers stay right) and kramdown's table of contents ("* TOC" / "{:toc}") and attribute lines ("{: .class}").
 */
function withoutSiteMarkup(input: string): string {
  const front = /^---\n[\s\S]*?\n---\n/u.exec(input)?.[0] ?? '';
  const rest = input.slice(front.length).replace(/^\* TOC\n(?=\{:toc\})/gmu, '\n').replace(/^\{:[^}\n]*\}[ \t]*$/gmu, '');
  return front.replace(/[^\n]/gu, '') + rest;
}

/** Reads Markdown (as in the seeds: `*italic*` leads, `<sup>n</sup>` footnotes, `---` page rules) into lines. */
export function markdownLines(input: string): ReadLines {
  const lines: SourceLine[] = [];
  const footnotes: FootnoteBody[] = [];
  const headerSymbols: string[] = [];
  let afterBreak = false;
  for (const block of blocks(withoutSiteMarkup(input))) {
    const text = block.text.replace(/\\$/u, '').trim();
    if (RULE.test(text)) {
      afterBreak = true;
      continue;
    }
    const note = FOOTNOTE_BODY.exec(text);
    if (note) {
      footnotes.push({ mark: note[1] ?? note[2] ?? '', text: plain(inline(note[3] ?? '')), line: block.line });
      afterBreak = true;
      continue;
    }
    // A footnote body left as plain text between paragraphs by a PDF extraction ("2 United Nations, Treaty Series,
    // vol. 1342."): a short block opening with the next footnote's number and a space, not a paragraph's "2.".
    const plainNote = /^(\d{1,3}) (?![.,;:])(\S[^\n]{0,400})$/u.exec(text);
    const lastMark = Math.max(0, ...footnotes.map((f) => Number(f.mark)).filter((n) => Number.isFinite(n)));
    if (plainNote && Number(plainNote[1]) > lastMark && Number(plainNote[1]) <= lastMark + 2 && lines.length) {
      footnotes.push({ mark: plainNote[1] ?? '', text: plain(inline(plainNote[2] ?? '')), line: block.line });
      afterBreak = true;
      continue;
    }
    if (!lines.length && !headerSymbols.length && pageFurniture(text) === 'symbol') {
      headerSymbols.push(headerSymbol(text) ?? text);
      continue;
    }
    const heading = HEADING.exec(text);
    const body = inline((heading ? heading[1] ?? '' : text).replace(LIST_MARKER, ''));
    const italic = ITALIC_START.exec(body);
    const bold = /^\*\*[^*]+\*\*$/u.test(body);
    const entry: SourceLine = { text: plain(body), line: block.line, blankBefore: block.blankBefore, afterBreak };
    // "**…**" is bold, not an italic lead.
    if (italic?.[3] && italic[2]?.length !== 2) entry.italic = plain(italic[3]).replace(/[,:;]$/u, '');
    if (heading || bold) entry.heading = true;
    if (entry.text) lines.push(entry);
    afterBreak = false;
  }
  return { lines, footnotes, headerSymbols };
}
