import { writeFile } from 'node:fs/promises';
import { cleanDocx } from './clean-docx';
import { compilationDocx } from './compilation-docx';
import { pageFooter, chromiumPrinter, type PdfPrinter } from './pdf-printer';
import { redlineDocx } from './redline-docx';
import { aknCompilation } from '../../shared/export/akn-amendment-list';
import { aknCleanText } from '../../shared/export/akn-statement';
import { exportHtml, type ExportRequest } from '../../shared/export/export-request';
import { redline } from '../../shared/export/redline';
import { CommandRefused } from '../../shared/model/command-refused';
import { cleanText } from '../../shared/model/clean-text';
import { compilation } from '../../shared/model/compilation';
import type { Negotiation } from '../../shared/model/negotiation';

/** The file formats of an export. */
export type ExportFormat = 'docx' | 'pdf' | 'html' | 'akn';

/** An export: what (`kind`, and its options), in which format, to which file. */
export interface ExportOptions extends ExportRequest {
  format: ExportFormat;
  out: string;
  /** How to print a PDF; defaults to the local Chromium. */
  printer?: PdfPrinter;
}

/**
 * The bytes of an export. Never changes the negotiation; refuses (CommandRefused) with the open items
 * when a clean text is asked for and the text is not clean (unless `draft`), or when a format does not
 * fit the kind (a redline has no Akoma Ntoso form).
 */
export async function exportBytes(negotiation: Negotiation, options: Omit<ExportOptions, 'out'>): Promise<Uint8Array> {
  const meta = negotiation.table.meta();
  const language = options.language ?? meta.language;
  switch (options.format) {
    case 'html':
      return new TextEncoder().encode(exportHtml(negotiation, options));
    case 'pdf': {
      const html = exportHtml(negotiation, options);
      const printer = options.printer ?? chromiumPrinter();
      return printer.print(html, { footerTemplate: pageFooter(meta.symbol, language), landscape: options.kind === 'compilation' });
    }
    case 'docx':
      if (options.kind === 'clean') return cleanDocx(cleanText(negotiation, { revision: options.revision, draft: options.draft }), language);
      if (options.kind === 'compilation') return compilationDocx(meta, compilation(negotiation), language);
      return redlineDocx(redline(negotiation, options.base, options.revision ?? 'current'), language);
    case 'akn':
      if (options.kind === 'clean') return new TextEncoder().encode(aknCleanText(negotiation, cleanText(negotiation, { revision: options.revision, draft: options.draft }), { revision: options.revision }));
      if (options.kind === 'compilation') return new TextEncoder().encode(aknCompilation(negotiation, compilation(negotiation)));
      throw new CommandRefused('A redline has no Akoma Ntoso form: export the clean text or the compilation text as AKN, or the redline as DOCX, PDF or HTML.', 'invalid');
  }
}

/** Writes an export to `out` (see exportBytes); returns the number of bytes written. */
export async function exportNegotiation(negotiation: Negotiation, options: ExportOptions): Promise<number> {
  const bytes = await exportBytes(negotiation, options);
  await writeFile(options.out, bytes);
  return bytes.length;
}
