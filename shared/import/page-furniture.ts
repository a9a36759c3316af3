/**
 * Page furniture: what a PDF extraction leaves between the lines a reader reads (running headers and
 * footers, page and job numbers, barcodes, `undocs.org` link lines).
 */

/** A UN document symbol such as A/RES/75/283, E/2021/30, A/C.3/78/L.12 or S/RES/2601 (2021). */
export const SYMBOL = /\b[A-Z]{1,8}(?:\/[A-Za-z0-9.\-]*[A-Za-z0-9])+(?: \(\d{4}\))?/u;

const SYMBOL_LINE = new RegExp(
  `^(?:(?:United Nations|Nations Unies)\\s+)?(${SYMBOL.source})\\s*\\*?$`,
  'u',
);
const LINK_LINE = /^<?https?:\/\/\S+>?$/u;
const JOB_NUMBER = /^(?:\d{1,3}\s*\/\s*\d{1,3}\s+)?(?:GE\.)?\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{1,3}\s*\/\s*\d{1,3})?(?:\s+\d{6})*\s*$/u;
const BARCODE = /^\*\d{6,}\*$/u;
const PAGE_NUMBER = /^(?:(?:Page|p\.)\s*)?[-–]?\s*\d{1,3}\s*[-–]?$|^\d{1,3}\s*\/\s*\d{1,3}$|^(?:Page\s+)?\d{1,3}\s+(?:of|sur|de)\s+\d{1,3}$/iu;
const RECYCLE = /^(?:Please recycle|Merci de recycler|Veuillez recycler)\b/iu;

/** The kind of page furniture a trimmed line is, or null for a line a reader reads. */
export function pageFurniture(line: string): 'symbol' | 'link' | 'page' | null {
  if (LINK_LINE.test(line)) return 'link';
  if (SYMBOL_LINE.test(line) && /\d/u.test(line)) return 'symbol';
  if (JOB_NUMBER.test(line) || BARCODE.test(line) || PAGE_NUMBER.test(line) || RECYCLE.test(line)) return 'page';
  return null;
}

/** The symbol a running-header line carries ("A/64/130", "United Nations A/RES/75/283"). */
export function headerSymbol(line: string): string | null {
  const m = SYMBOL_LINE.exec(line);
  return m?.[1] ?? null;
}

const SYMBOL_BESIDE = new RegExp(`^(${SYMBOL.source})\\s{3,}(\\S.*)$|^(\\S.*?)\\s{3,}(${SYMBOL.source})$`, 'u');

/**
 * A running header that sets the symbol beside the title on one line ("A/RES/76/7      Political declaration"):
 * the symbol and the rest of the line, or null.
 */
export function symbolBeside(line: string): { symbol: string; rest: string } | null {
  const m = SYMBOL_BESIDE.exec(line);
  if (!m || !/\d/u.test(m[1] ?? m[4] ?? '')) return null;
  return { symbol: m[1] ?? m[4] ?? '', rest: (m[2] ?? m[3] ?? '').trim() };
}

/** A footnote separator rule (`__________________`). */
export function isFootnoteSeparator(line: string): boolean {
  return /^_{5,}$/u.test(line);
}

const fold = (s: string): string =>
  s.normalize('NFC').toLowerCase().replace(/[’‘`]/gu, "'").replace(/\s+/gu, ' ').trim();

/**
 * True for a line that repeats part of the title, as a running header does on each page after the first.
 * Only lines next to a page break are tested, so a paragraph that quotes the title is kept.
 */
export function repeatsTitle(line: string, title: string): boolean {
  const l = fold(line);
  return l.length >= 8 && title.length > 0 && fold(title).includes(l);
}
