import {
  AlignmentType, Document, Footer, Header, Packer, PageNumber, PageOrientation, Paragraph, TabStopType, TextRun,
  type FileChild, type IParagraphOptions,
} from 'docx';
import { furniture } from '../furniture';
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
}

/** The masthead: "United Nations" and the symbol, distribution and original language, then the title. */
function masthead(meta: NegotiationMeta, language: 'en' | 'fr', width: number, subtitle: string | null): Paragraph[] {
  const words = furniture(language);
  const right = [{ type: TabStopType.RIGHT, position: width }];
  return [
    new Paragraph({ tabStops: right, children: [new TextRun({ text: words.unitedNations, bold: true, size: 20 }), new TextRun({ text: `\t${meta.symbol ?? ''}`, bold: true, size: 32 })] }),
    new Paragraph({ tabStops: right, border: { bottom: { style: 'single', size: 12, color: '000000', space: 4 } }, children: [new TextRun({ text: `\t${words.distribution}`, size: 20 }), new TextRun({ text: `\t${words.original(meta.language)}`, size: 20, break: 1 })] }),
    new Paragraph({ spacing: { before: 360, after: 240 }, keepNext: true, children: [new TextRun({ text: meta.title, bold: true, size: 28 })] }),
    ...(subtitle ? [new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: subtitle, italics: true, color: '990000' })] })] : []),
  ];
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

/** Builds the Word document: masthead, body, footnotes, the symbol in the header and page numbers below. */
export function unDocument(o: UnDocumentOptions): Document {
  const width = (o.landscape ? A4.height : A4.width) - 2 * MARGIN;
  const words = furniture(o.language);
  const pageWords = words.page('\u0001', '\u0002').split(/(\u0001|\u0002)/);
  const footer = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ size: 18, children: pageWords.map((w) => (w === '\u0001' ? PageNumber.CURRENT : w === '\u0002' ? PageNumber.TOTAL_PAGES : w)).filter((w) => w !== '') })],
  });
  return new Document({
    creator: 'Penholder',
    title: o.meta.title,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    footnotes: Object.fromEntries(Object.entries(o.footnotes ?? {}).map(([k, text]) => [k, { children: [new Paragraph({ children: [new TextRun({ text, size: 20 })] })] }])),
    sections: [{
      properties: {
        page: {
          size: { width: A4.width, height: A4.height, orientation: o.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
          margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
        },
      },
      headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: o.meta.symbol ?? '', size: 18, bold: true })] })] }) },
      footers: { default: new Footer({ children: [footer] }) },
      children: [...masthead(o.meta, o.language, width, o.subtitle ?? null), ...o.children],
    }],
  });
}

/** Packs a Word document into the bytes of a .docx file (the same in the browser and under Node). */
export async function docxBytes(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
