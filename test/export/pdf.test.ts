import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { negotiatedSample, SEEDS } from './fixture';
import { hasTool, run, seedNegotiation, squash } from './tools';
import { exportBytes } from '../../shared/export/export-bytes';
import { chromiumPrinter, NoChromiumError } from '../../sync-server';
import { cleanText } from '../../shared/model/clean-text';

const tools = hasTool('chromium') && hasTool('pdftotext') && hasTool('pdfinfo');

describe('PDF export without Chromium', () => {
  it('says which Chromium is missing and what to do instead', async () => {
    const printer = chromiumPrinter('/nonexistent/chromium');
    await expect(printer.print('<p>x</p>', { footerTemplate: '' })).rejects.toThrow(NoChromiumError);
    await expect(printer.print('<p>x</p>', { footerTemplate: '' })).rejects.toThrow(/No Chromium at \/nonexistent\/chromium.*HTML or DOCX/);
  });
});

describe.skipIf(!tools)('PDF export through Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'penholder-pdf-'));
  const text = new Map<string, string>();
  const timings: string[] = [];
  const print = async (name: string, ...args: Parameters<typeof exportBytes>): Promise<void> => {
    const start = Date.now();
    writeFileSync(join(dir, `${name}.pdf`), await exportBytes(args[0], args[1], chromiumPrinter()));
    timings.push(`${name} ${Date.now() - start} ms`);
    text.set(name, run('pdftotext', ['-enc', 'UTF-8', join(dir, `${name}.pdf`), '-']));
  };
  const seed = seedNegotiation(SEEDS[0]!);
  const settled = negotiatedSample(true).negotiation;

  beforeAll(async () => {
    await print('seed-clean', seed, { kind: 'clean', format: 'pdf' });
    await print('sample-clean', settled, { kind: 'clean', format: 'pdf' });
    await print('sample-redline', settled, { kind: 'redline', format: 'pdf' });
    await print('sample-compilation', negotiatedSample(false).negotiation, { kind: 'compilation', format: 'pdf' });
    console.log(`Chromium prints: ${timings.join('; ')}`);
  }, 120_000);

  it('prints A4 PDFs with page numbers', () => {
    const pdf = readFileSync(join(dir, 'seed-clean.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const info = run('pdfinfo', [join(dir, 'seed-clean.pdf')]);
    expect(info).toMatch(/Page size:.*\(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(text.get('seed-clean')).toContain(`Page 1 sur ${pages}`);
    expect(text.get('sample-clean')).toContain('Page 1 of 1');
  });

  it('the clean text has every paragraph in order', () => {
    const all = squash(text.get('seed-clean')!.replace(/[-\u00ad]/g, ''));
    let at = 0;
    for (const p of cleanText(seed).paragraphs) {
      const found = all.indexOf(squash(p.text.replace(/[-\u00ad]/g, '')).slice(-30), at);
      expect(found, p.text).toBeGreaterThanOrEqual(at);
      at = found;
    }
  });

  it('the redline and the compilation text print their changes and proposals', () => {
    expect(squash(text.get('sample-redline')!)).toContain('protect victims and survivorsall victims;');
    expect(text.get('sample-redline')).toMatch(/Changes by[\s\S]*Mexico: 2/);
    expect(squash(text.get('sample-compilation')!)).toContain('Egypt on behalf of the Group of 77 and China');
  });
});
