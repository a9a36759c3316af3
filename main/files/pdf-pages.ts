import type { PdfPage, PdfTextRun } from '../../shared/import/pdf-layout';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

/**
 * Reads a PDF's text runs with their positions, sizes and fonts (pdfjs-dist, legacy build for Node), for
 * `pdfToMarkdown`. Throws an Error saying what is wrong (not a PDF, encrypted, damaged).
 */
export async function pdfPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    const name = (error as Error).name;
    throw new Error(name === 'PasswordException' ? 'the PDF is protected by a password; save an unprotected copy and import that'
      : `not a readable PDF (${(error as Error).message})`);
  }
  const pages: PdfPage[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      // The operator list loads the fonts, whose names say italic and bold.
      await page.getOperatorList();
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const fontName = (id: string): string => {
        try {
          return String((page.commonObjs.get(id) as { name?: string } | null)?.name ?? '');
        } catch {
          return '';
        }
      };
      const runs: PdfTextRun[] = [];
      for (const item of content.items as TextItem[]) {
        if (!('str' in item)) continue;
        const [a = 0, b = 0, , , x = 0, y = 0] = item.transform;
        const font = fontName(item.fontName);
        runs.push({
          text: item.str, x, y, width: item.width, size: Math.round(Math.hypot(a, b) * 10) / 10,
          italic: /italic|oblique/iu.test(font), bold: /bold|black|heavy/iu.test(font),
        });
      }
      pages.push({ width: viewport.width, height: viewport.height, runs });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages;
}
