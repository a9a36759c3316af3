import { furniture } from './furniture';
import { escapeHtml } from '../model/clean-format';

/** What a PDF page carries besides the HTML: the footer line with page numbers. */
export interface PdfPageOptions {
  /** Chromium's footer template (`<span class="pageNumber">` and `totalPages` are filled in). */
  footerTemplate: string;
  landscape?: boolean;
}

/**
 * Prints one self-contained HTML page as an A4 PDF. The server and the command line use the headless
 * Chromium printer (sync-server's `chromiumPrinter`); the desktop may inject one built on Electron's
 * `webContents.printToPDF`, which takes the same footer template; the browser prints the HTML itself.
 */
export interface PdfPrinter {
  print(html: string, options: PdfPageOptions): Promise<Uint8Array>;
}

/** The footer every exported PDF carries: the symbol and "Page n of m", in the given language. */
export function pageFooter(symbol: string | null, language: 'en' | 'fr'): string {
  const page = furniture(language).page('<span class="pageNumber"></span>', '<span class="totalPages"></span>');
  return `<div style="font-family: 'Times New Roman', serif; font-size: 9pt; width: 100%; padding: 0 20mm; display: flex; justify-content: space-between;"><span>${escapeHtml(symbol ?? '')}</span><span>${page}</span></div>`;
}
