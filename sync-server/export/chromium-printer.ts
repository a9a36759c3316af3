import { existsSync } from 'node:fs';
import type { PdfPrinter } from '../../shared/export/pdf-printer';

/** Where Debian installs Chromium. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Thrown when no Chromium is installed to print with; its message says which path was tried. */
export class NoChromiumError extends Error {}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * A printer driving a local headless Chromium through playwright-core, one browser per print (exports
 * are rare; nothing stays running): how the server and the command line make PDFs. Throws
 * NoChromiumError when the executable is missing.
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
