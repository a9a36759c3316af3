/**
 * One unit of input as the segmenter sees it: a physical line of plain text (page furniture and footnote
 * bodies already removed), or a block of Markdown.
 */
export interface SourceLine {
  /** The text, trimmed; explicit footnote references are kept as `footnoteMarker(mark)`. */
  text: string;
  /** 1-based line number in the input, for error messages. */
  line: number;
  /** Blank lines before this one (in double-spaced text, the one blank after every line is not counted). */
  blankBefore: number;
  /** True when a page break (running header, footer, footnote block) was removed just before this line. */
  afterBreak: boolean;
  /**
   * Plain text: the layout shows that a paragraph may start here even without a blank line (a first-line
   * indent, or a text that sets each paragraph on one long line).
   */
  layoutBreak?: boolean;
  /** Markdown: the italic words the line opens with (after any number or item label). */
  italic?: string;
  /** Markdown: a `#` heading or a line entirely in bold. */
  heading?: boolean;
}

/** A footnote body, with the line it came from. */
export interface FootnoteBody {
  mark: string;
  text: string;
  line: number;
}

/** What a reader of the raw input hands to the segmenter. */
export interface ReadLines {
  lines: SourceLine[];
  footnotes: FootnoteBody[];
  /** Document symbols read from running headers, in order of appearance (repeats included). */
  headerSymbols: string[];
}

const OPEN = '\uE000';
const CLOSE = '\uE001';

/** Wraps an explicit footnote reference (Markdown `<sup>1</sup>`) so that later stages cannot mistake it. */
export function footnoteMarker(mark: string): string {
  return `${OPEN}${mark}${CLOSE}`;
}

/** Matches explicit footnote markers; group 1 is the mark. */
export const FOOTNOTE_MARKER = new RegExp(`\\s*${OPEN}([^${CLOSE}]*)${CLOSE}`, 'gu');
