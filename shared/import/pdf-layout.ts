import { joinLines, vocabulary } from './join-lines';
import { pageFurniture } from './page-furniture';

/**
 * PDF import without a PDF library: a PDF reader (pdfjs-dist, in main/files) hands over each page's positioned
 * text runs, and this turns them into the Markdown the importer reads, using what the layout knows and plain
 * text loses: italic runs at a paragraph's start (the organ line, preambular participles, operative verbs),
 * footnote marks set small and raised, footnote areas set small below the text, running headers and footers
 * in the page's top and bottom bands, paragraphs by first-line indent and spacing.
 */

/** A run of text as the PDF places it: baseline `y` measured from the page's bottom, in points. */
export interface PdfTextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  italic: boolean;
  bold: boolean;
}

/** One page of a PDF: its size and its text runs in content order. */
export interface PdfPage {
  width: number;
  height: number;
  runs: PdfTextRun[];
}

interface Line {
  runs: PdfTextRun[];
  y: number;
  x: number;
  right: number;
  size: number;
  page: number;
}

const mode = (values: number[]): number => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
};

/** Groups a page's runs into lines (a raised footnote mark belongs to the line it sits on). */
function linesOf(page: PdfPage, index: number): Line[] {
  // Larger runs first, so that a small raised mark finds the line it belongs to already there.
  const runs = page.runs.filter((r) => r.text.length > 0).sort((a, b) => b.size - a.size || b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const run of runs) {
    const line = lines.find((l) => Math.abs(l.y - run.y) <= l.size * 0.45 || (run.size < l.size && run.y > l.y && run.y - l.y <= l.size * 0.6));
    if (line) {
      line.runs.push(run);
      line.right = Math.max(line.right, run.x + run.width);
      // The line's baseline and size are its main text's, not a raised mark's.
      if (run.size > line.size || (run.size === line.size && run.y < line.y)) {
        line.size = run.size;
        line.y = run.y;
      }
    } else {
      lines.push({ runs: [run], y: run.y, x: run.x, right: run.x + run.width, size: run.size, page: index });
    }
  }
  for (const line of lines) {
    line.runs.sort((a, b) => a.x - b.x);
    line.x = Math.min(...line.runs.filter((r) => r.text.trim()).map((r) => r.x), line.x);
  }
  return lines.filter((l) => l.runs.some((r) => r.text.trim())).sort((a, b) => b.y - a.y || a.x - b.x);
}

const isMark = (run: PdfTextRun, line: Line): boolean =>
  /^\s*(?:\d+|\*{1,3})\s*$/u.test(run.text) && run.size < line.size * 0.85 && run.y > line.y + line.size * 0.15;

/** The marks of a raised run: "3", "*", or consecutive marks set together ("45678910" is 4 to 10). */
function marksOf(text: string): string[] {
  const t = text.trim();
  if (!/^\d{3,}$/u.test(t)) return [t];
  for (const width of [1, 2, 3]) {
    const marks: string[] = [];
    let n = Number(t.slice(0, width));
    let rest = t;
    while (rest.startsWith(String(n))) {
      marks.push(String(n));
      rest = rest.slice(String(n).length);
      n++;
    }
    if (!rest && marks.length > 1) return marks;
  }
  return [t];
}

/** A line's text, footnote marks as `[^n]`, the italic words it opens with as `*…*`. */
function lineText(line: Line, withItalic: boolean): string {
  let out = '';
  let italicOpen = withItalic;
  let leadDone = !withItalic;
  let previous: PdfTextRun | null = null;
  for (const run of line.runs) {
    const gap = previous ? run.x - (previous.x + previous.width) : 0;
    const space = previous && gap > run.size * 0.12 && !/\s$/u.test(out) && !/^\s/u.test(run.text) ? ' ' : '';
    if (isMark(run, line)) {
      out = `${out.trimEnd()}${marksOf(run.text).map((m) => `[^${m}]`).join('')}`;
      previous = run;
      continue;
    }
    if (!leadDone) {
      if (run.italic || !run.text.trim()) {
        if (italicOpen && out === '' && run.text.trim()) out = '*';
      } else {
        if (out.length > 1) out = `${out.trimEnd()}*${/^[,;:.]/u.test(run.text) ? '' : ' '}`;
        else out = '';
        italicOpen = false;
        leadDone = true;
      }
    }
    out += space + run.text;
    previous = run;
  }
  if (!leadDone && out.length > 1) out = `${out.trimEnd()}*`;
  return out.replace(/\s+/gu, ' ').trim();
}

const fold = (s: string): string => s.toLowerCase().replace(/\d+/gu, '#').replace(/\s+/gu, ' ').trim();

/**
 * The Markdown of a PDF's pages: paragraphs as blocks (italic leads kept), footnote bodies as `[^n]: …`,
 * a `---` rule at each page break, running headers, footers and page numbers left out.
 */
export function pdfToMarkdown(pages: PdfPage[]): string {
  const all = pages.map(linesOf);
  const body = mode(all.flat().flatMap((l) => l.runs.filter((r) => r.text.trim()).map((r) => Math.round(r.size * 2) / 2)));
  // Running headers and footers: what the top and bottom bands repeat from page to page.
  const bandText = new Map<string, number>();
  const band = (l: Line, page: PdfPage): 'top' | 'bottom' | null =>
    l.y > page.height * 0.9 ? 'top' : l.y < page.height * 0.08 ? 'bottom' : null;
  all.forEach((lines, i) => {
    const seen = new Set(lines.filter((l) => band(l, pages[i] as PdfPage)).map((l) => fold(lineText(l, false))));
    for (const t of seen) bandText.set(t, (bandText.get(t) ?? 0) + 1);
  });
  const furniture = (l: Line, page: PdfPage, index: number): boolean => {
    const where = band(l, page);
    if (!where) return false;
    const t = lineText(l, false);
    if (pageFurniture(t) === 'page' || /^Page \d+ of \d+$/iu.test(t)) return true;
    if (index === 0 && where === 'top') return false;
    return (bandText.get(fold(t)) ?? 0) > 1 || pageFurniture(t) === 'symbol';
  };

  const out: string[] = [];
  const notes: string[] = [];
  let lastNote = 0;
  let started = false;
  all.forEach((lines, index) => {
    const page = pages[index] as PdfPage;
    const kept = lines.filter((l) => !furniture(l, page, index));
    const text = kept.filter((l) => l.size >= body * 0.92);
    const lowest = Math.min(...text.map((l) => l.y));
    // The footnote area: small lines below the text.
    const area = kept.filter((l) => l.size < body * 0.92 && l.y < lowest);
    const margin = mode(text.map((l) => Math.round(l.x)));
    const right = Math.max(...text.map((l) => l.right));
    const spacing = mode(text.slice(1).map((l, i) => Math.round(((text[i] as Line).y - l.y) * 2) / 2).filter((d) => d > 0));
    if (index > 0) out.push('', '---', '');
    let paragraph: string[] = [];
    const flush = (): void => {
      const joined = joinLines(paragraph, vocabulary(paragraph.join(' '))).replace(/\*\*\s+\*\*/gu, ' ');
      if (paragraph.length) out.push('', joined);
      paragraph = [];
    };
    kept.filter((l) => !area.includes(l)).forEach((line, i, list) => {
      const prev = list[i - 1];
      const gap = prev ? prev.y - line.y : 0;
      const before = prev ? lineText(prev, false) : '';
      const ended = /[,;:.]$/u.test(before.replace(/(?:\[\^[^\]]+\])+$/u, ''));
      const indented = prev ? line.x > prev.x + line.size * 0.8 : false;
      const prevShort = prev ? prev.right < right - line.size * 3 : true;
      const labelled = /^(?:\d{1,3}\.|\(?[a-z]{1,2}\)|\(?[ivx]{1,5}\))\s/u.test(lineText(line, false));
      const starts = !prev || gap > spacing * 1.5 || line.size !== prev.size || (indented && ended) ||
        (line.x > margin + line.size * 0.8 && ended) ||
        (indented && line.x > margin + line.size * 0.8 && prevShort) || (prevShort && ended) || (labelled && ended);
      if (starts) flush();
      // Bold lines in the body (headings, an annex's title) are marked as headings; the masthead is left plain.
      const bold = started && line.runs.every((r) => r.bold || !r.text.trim());
      const text = bold ? `**${lineText(line, false)}**` : lineText(line, starts);
      started ||= /^\*[^*]/u.test(text) || /^\d{1,3}\.\s/u.test(text);
      paragraph.push(text);
    });
    flush();
    let note: string[] = [];
    const flushNote = (): void => {
      const t = note.join(' ').trim();
      const m = /^(?:\[\^(\d{1,3}|\*{1,3})\]|(\d{1,3}|\*{1,3})(?=\s))\s*(.*)$/u.exec(t);
      if (m) notes.push(`[^${m[1] ?? m[2] ?? ''}]: ${m[3] ?? ''}`);
      note = [];
    };
    for (const line of area) {
      const t = lineText(line, false);
      // A note opens with its mark set raised, or with one of the next numbers where the marks are not raised.
      const plainMark = /^(\d{1,3})\s/u.exec(t)?.[1];
      if (/^\[\^(?:\d{1,3}|\*{1,3})\]/u.test(t) || (plainMark && Number(plainMark) > lastNote && Number(plainMark) <= lastNote + 3)) {
        flushNote();
        lastNote = Number(/\d+/u.exec(t)?.[0] ?? lastNote);
      }
      note.push(t);
    }
    flushNote();
  });
  return [...out, '', ...notes.flatMap((n) => [n, ''])].join('\n').replace(/\n{3,}/gu, '\n\n').trim() + '\n';
}
