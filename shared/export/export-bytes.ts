import { aknCompilation } from './akn-amendment-list';
import { aknCleanText } from './akn-statement';
import { cleanDocx } from './docx/clean-docx';
import { compilationDocx } from './docx/compilation-docx';
import { inlineCompilationDocx } from './docx/inline-compilation-docx';
import { redlineDocx } from './docx/redline-docx';
import { exportHtml, type ExportRequest } from './export-request';
import { footnoteOffsetsById } from './footnote-offsets';
import { inlineCompilation } from './inline-compilation';
import { pageFooter, type PdfPrinter } from './pdf-printer';
import { redline } from './redline';
import { CommandRefused } from '../model/command-refused';
import { cleanText } from '../model/clean-text';
import { compilation } from '../model/compilation';
import type { Negotiation } from '../model/negotiation';
import { textMeta } from '../model/text-meta';

/** The file formats of an export. */
export type ExportFormat = 'docx' | 'pdf' | 'html' | 'akn';

/** Every export format, in the order offered. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['docx', 'pdf', 'html', 'akn'];

/** An export: what (`kind`, and its options) and in which format. */
export interface ExportOptions extends ExportRequest {
  format: ExportFormat;
}

/** The media type and file extension of each format. */
export const EXPORT_FILE_TYPES: Record<ExportFormat, { mime: string; extension: string }> = {
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  pdf: { mime: 'application/pdf', extension: 'pdf' },
  html: { mime: 'text/html;charset=utf-8', extension: 'html' },
  akn: { mime: 'application/akn+xml', extension: 'akn.xml' },
};

/**
 * The date under the symbol: the day the text was issued. An issued revision (the zero draft's circulation,
 * Rev.N's issue) keeps its own day; the current text and the compilation are issued as they are exported
 * (undefined: the day of export).
 */
export function issuedOn(negotiation: Negotiation, request: ExportRequest): string | undefined {
  if (request.kind === 'compilation' || request.revision === undefined) return undefined;
  return negotiation.table.revisions()[request.revision]?.issuedAt;
}

/** The name of the issued revision exported ("Rev.1", "Zero draft"); undefined for the current text. */
function revisionName(negotiation: Negotiation, revision: number | undefined): string | undefined {
  return revision === undefined ? undefined : negotiation.table.revisions()[revision]?.name;
}

/**
 * The bytes of an export, the same in the browser, the server and the command line (no Node, no DOM).
 * A PDF needs a `printer` (headless Chromium on the server and the command line; the browser prints the
 * HTML page itself). Never changes the negotiation; refuses (CommandRefused) with the open items when a
 * clean text is asked for and the text is not clean (unless `draft`), or when a format does not fit the
 * kind (a redline has no Akoma Ntoso form).
 */
export async function exportBytes(negotiation: Negotiation, options: ExportOptions, printer?: PdfPrinter): Promise<Uint8Array> {
  const revision = options.kind === 'compilation' ? undefined : options.revision;
  const meta = textMeta(negotiation, revision);
  const language = options.language ?? meta.language;
  // The agenda item asked for, else the one the imported text named.
  const masthead = { agendaItem: options.agendaItem ?? meta.agendaItem ?? null, issued: issuedOn(negotiation, options), revision: revisionName(negotiation, revision) };
  switch (options.format) {
    case 'html':
      return new TextEncoder().encode(exportHtml(negotiation, options));
    case 'pdf': {
      if (!printer) throw new CommandRefused('PDF needs a printer here: export as HTML and print it, or as DOCX.', 'invalid');
      const html = exportHtml(negotiation, options);
      return printer.print(html, { footerTemplate: pageFooter(meta.symbol ?? masthead.revision ?? null, language), landscape: options.kind === 'compilation' && options.layout !== 'inline' });
    }
    case 'docx':
      if (options.kind === 'clean') {
        const clean = cleanText(negotiation, { revision: options.revision, draft: options.draft });
        return cleanDocx(clean, language, { footnoteOffsets: footnoteOffsetsById(negotiation, options.revision), masthead });
      }
      if (options.kind === 'compilation' && options.layout === 'inline') return inlineCompilationDocx(meta, inlineCompilation(negotiation), language, masthead);
      if (options.kind === 'compilation') return compilationDocx(meta, compilation(negotiation), language, masthead);
      return redlineDocx(redline(negotiation, options.base, options.revision ?? 'current'), language, masthead);
    case 'akn':
      if (options.kind === 'clean') return new TextEncoder().encode(aknCleanText(negotiation, cleanText(negotiation, { revision: options.revision, draft: options.draft }), { revision: options.revision }));
      if (options.kind === 'compilation') return new TextEncoder().encode(aknCompilation(negotiation, compilation(negotiation)));
      throw new CommandRefused('A redline has no Akoma Ntoso form: export the clean text or the compilation text as AKN, or the redline as DOCX, PDF or HTML.', 'invalid');
  }
}
