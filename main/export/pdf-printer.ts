import { existsSync } from 'node:fs';
import { furniture } from '../../shared/export/furniture';
import { escapeHtml } from '../../shared/model/clean-format';

/** What a PDF page carries besides the HTML: the footer line with page numbers. */
export interface PdfPageOptions {
  /** Chromium's footer template (`<span class="pageNumber">` and `totalPages` are filled in). */
  footerTemplate: string;
  landscape?: boolean;
}

/**
 * Prints one self-contained HTML page as an A4 PDF. The command line uses `chromiumPrinter`; the app
 * injects one built on Electron's `webContents.printToPDF`, which takes the same footer template.
 */
export interface PdfPrinter {
  print(html: string, options: PdfPageOptions): Promise<Uint8Array>;
}

/** The footer every exported PDF carries: the symbol and "Page n of m", in the given language. */
export function pageFooter(symbol: string | null, language: 'en' | 'fr'): string {
  const page = furniture(language).page('<span class="pageNumber"></span>', '<span class="totalPages"></span>');
  return `<div style="font-family: 'Times New Roman', serif; font-size: 9pt; width: 100%; padding: 0 20mm; display: flex; justify-content: space-between;"><span>${escapeHtml(symbol ?? '')}</span><span>${page}</span></div>`;
}

/** Where Debian installs Chromium. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Thrown when no Chromium is installed to print with; its message says which path was tried. */
export class NoChromiumError extends Error {}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * A printer driving a local Chromium through playwright-core, one browser per print (exports are rare;
 * nothing stays running). Throws NoChromiumError when the executable is missing.
 */
export function chromiumPrinter(executablePath = process.env.PENHOLDER_CHROMIUM ?? DEFAULT_CHROMIUM): PdfPrinter {
  return {
    async print(html, options) {
      if (!existsSync(executablePath)) {
        throw new NoChromiumError(`No Chromium at ${executablePath}: PDF export needs one (Debian: apt install chromium; or set PENHOLDER_CHROMIUM). Export as HTML or DOCX instead.`);
      }
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath, args: ARGS });
      try {
        const page = await browser.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf({
          format: 'A4',
          landscape: options.landscape ?? false,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: '<div></div>',
          footerTemplate: options.footerTemplate,
          margin: { top: '20mm', bottom: '20mm', left: '20mm', right: '20mm' },
        });
        return new Uint8Array(pdf);
      } finally {
        await browser.close();
      }
    },
  };
}
