import {
  AlignmentType, Document, Footer, Header, Packer, PageNumber, PageOrientation, Paragraph, TabStopType, TextRun,
  type FileChild, type INumberingOptions, type IParagraphOptions,
} from 'docx';
import { unMasthead, type MastheadFacts } from './un-masthead';
import type { NegotiationMeta } from '../../model/table-state';

/** A4 in twentieths of a point, and the UN's text column. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1440;
/** The UN's indentation step (0.44 inch). */
export const STEP = 634;

/** What every Penholder Word document shares: the UN masthead, fonts, A4 pages, page numbers. */
export interface UnDocumentOptions {
  meta: NegotiationMeta;
  language: 'en' | 'fr';
  children: FileChild[];
  footnotes?: Record<number, string>;
  landscape?: boolean;
  /** Shown under the title: "Draft: not agreed", "Changes from Zero draft to Rev.1". */
  subtitle?: string | null;
  /** The agenda item and distribution date of the masthead. */
  masthead?: MastheadFacts;
  /** Word's automatic numbering the paragraphs refer to. */
  numbering?: INumberingOptions;
  /** Switches Track Changes on in the document's settings. */
  trackRevisions?: boolean;
}

/** A body paragraph in the UN layout: justified, spaced, indented by `level` steps. */
export function bodyParagraph(options: IParagraphOptions & { level?: number; hanging?: boolean }): Paragraph {
  const { level = 1, hanging = false, ...rest } = options;
  const left = STEP * 2 * level;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after: 120, line: 240 },
    indent: hanging ? { left, hanging: STEP } : { left: STEP * 2, firstLine: STEP },
    tabStops: hanging ? [{ type: TabStopType.LEFT, position: left }] : undefined,
    ...rest,
  });
}

/** "2/9": the page and the page count, as UN documents number their pages. */
function pageNumber(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  return new Footer({ children: [new Paragraph({ alignment, children: [new TextRun({ size: 18, children: [PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES] })] })] });
}

/** The running head of the pages after the first: the symbol, outside (left on even pages, right on odd). */
function runningHead(symbol: string | null, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Header {
  return new Header({ children: [new Paragraph({ alignment, border: { bottom: { style: 'single', size: 4, color: '000000', space: 1 } }, children: [new TextRun({ text: symbol ?? '', size: 18, bold: true })] })] });
}

/**
 * Builds the Word document as the Secretariat lays it out: the UN masthead on the first page (no running
 * head there), then the symbol as running head and "n/N" page numbers, outside on facing pages; A4; real
 * Word footnotes.
 */
export function unDocument(o: UnDocumentOptions): Document {
  const width = (o.landscape ? A4.height : A4.width) - 2 * MARGIN;
  const empty = () => new Header({ children: [new Paragraph({})] });
  const head = o.meta.symbol ?? o.masthead?.revision ?? null;
  return new Document({
    creator: 'Penholder',
    title: o.meta.title,
    evenAndOddHeaderAndFooters: true,
    features: o.trackRevisions ? { trackRevisions: true } : undefined,
    numbering: o.numbering,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    footnotes: Object.fromEntries(Object.entries(o.footnotes ?? {}).map(([k, text]) => [k, { children: [new Paragraph({ children: [new TextRun({ text, size: 20 })] })] }])),
    sections: [{
      properties: {
        titlePage: true,
        page: {
          size: { width: A4.width, height: A4.height, orientation: o.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
        },
      },
      headers: { first: empty(), default: runningHead(head, AlignmentType.RIGHT), even: runningHead(head, AlignmentType.LEFT) },
      footers: { first: pageNumber(AlignmentType.RIGHT), default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
      children: [...unMasthead(o.meta, o.language, width, o.masthead ?? {}, o.subtitle ?? null), ...o.children],
    }],
  });
}

/** Packs a Word document into the bytes of a .docx file (the same in the browser and under Node). */
export async function docxBytes(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
