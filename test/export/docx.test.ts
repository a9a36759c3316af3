import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { negotiatedSample, SEEDS } from './fixture';
import { hasTool, run, seedNegotiation, squash } from './tools';
import { exportBytes } from '../../shared/export/export-bytes';
import { cleanText, type CleanText } from '../../shared/model/clean-text';

const tools = hasTool('soffice') && hasTool('pdftotext');

/** Every DOCX is written first, then LibreOffice converts them all in one run per target format. */
describe.skipIf(!tools)('DOCX export, opened by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'penholder-docx-'));
  const cleans = new Map<string, CleanText>();
  const docx = new Map<string, Uint8Array>();
  const txt = new Map<string, string>();
  const pdf = new Map<string, string>();
  const timings: string[] = [];

  beforeAll(async () => {
    for (const seed of SEEDS) {
      const n = seedNegotiation(seed);
      cleans.set(seed, cleanText(n));
      docx.set(seed, await exportBytes(n, { kind: 'clean', format: 'docx' }));
      docx.set(`${seed}-compilation`, await exportBytes(n, { kind: 'compilation', format: 'docx' }));
    }
    const settled = negotiatedSample(true).negotiation;
    cleans.set('sample', cleanText(settled));
    docx.set('sample', await exportBytes(settled, { kind: 'clean', format: 'docx' }));
    docx.set('sample-fr', await exportBytes(settled, { kind: 'clean', format: 'docx', language: 'fr' }));
    docx.set('sample-redline', await exportBytes(settled, { kind: 'redline', format: 'docx', base: 0 }));
    const open = negotiatedSample(false).negotiation;
    cleans.set('sample-draft', cleanText(open, { draft: true }));
    docx.set('sample-draft', await exportBytes(open, { kind: 'clean', format: 'docx', draft: true }));
    docx.set('sample-compilation', await exportBytes(open, { kind: 'compilation', format: 'docx' }));
    const files = [...docx].map(([name, bytes]) => {
      writeFileSync(join(dir, `${name}.docx`), bytes);
      return `${name}.docx`;
    });
    for (const target of ['txt:Text', 'pdf', 'odt']) {
      const start = Date.now();
      const list = target === 'odt' ? ['sample-redline.docx'] : files;
      run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', target, '--outdir', dir, ...list], { cwd: dir, timeout: 180_000 });
      timings.push(`${target}: ${list.length} files in ${Date.now() - start} ms`);
    }
    for (const name of docx.keys()) {
      txt.set(name, readFileSync(join(dir, `${name}.txt`), 'utf8'));
      pdf.set(name, run('pdftotext', ['-enc', 'UTF-8', join(dir, `${name}.pdf`), '-']));
    }
    console.log(`LibreOffice conversions: ${timings.join('; ')}`);
  }, 240_000);

  it.each([...SEEDS, 'sample', 'sample-draft'])('%s: every paragraph, in order, in the text and the PDF LibreOffice makes of it', (name) => {
    const clean = cleans.get(name)!;
    // pdftotext joins a word broken at its hyphen ("multi-\nstakeholder" → "multistakeholder"): compare without hyphens.
    const unhyphen = (s: string): string => squash(s.replace(/[-\u00ad]/g, ''));
    // Footnote marks stand at their word ("membres19 et", "Crime,1"): the paragraphs' plain text has none.
    const unmark = (s: string): string => s.replace(/(?<=[\p{L}»”)])\d{1,3}(?=[\s,.;:]|$)|(?<=[,;:])\d{1,3}(?=\s|$)/gmu, '');
    for (const [format, text] of [['txt', squash(unmark(txt.get(name)!))], ['pdf', unhyphen(unmark(pdf.get(name)!))]] as const) {
      let at = 0;
      for (const p of clean.paragraphs) {
        const words = (format === 'pdf' ? unhyphen(p.text) : squash(p.text)).slice(-30);
        const found = text.indexOf(words, at);
        expect(found, `${format}: ${p.label ?? p.number ?? ''} ${words}`).toBeGreaterThanOrEqual(at);
        at = found;
      }
      // The plenary meeting line and its date, on two lines (the comma between them goes).
      if (clean.meta.closing) expect(text.indexOf(squash(clean.meta.closing.replace(/,\s+(?=\d)/, ' '))), format).toBeGreaterThan(at);
    }
  });

  it('footnotes are real Word footnotes, printed at the foot of the page', () => {
    const files = unzipSync(docx.get(SEEDS[3]!)!);
    const footnotes = strFromU8(files['word/footnotes.xml']!);
    const clean = cleans.get(SEEDS[3]!)!;
    expect((strFromU8(files['word/document.xml']!).match(/<w:footnoteReference /g) ?? []).length).toBe(clean.paragraphs.flatMap((p) => p.footnotes).length);
    const first = clean.footnotes[0]!.text;
    expect(footnotes).toContain(first.slice(0, 20).replace(/&/g, '&amp;').replace(/'/g, '&apos;'));
    expect(squash(pdf.get('sample')!)).toContain('See A/RES/64/293, annex.');
  });

  it('UN layout: masthead, italic leads and organ, hanging numbers and sub-items; French furniture', () => {
    const xml = strFromU8(unzipSync(docx.get('sample')!)['word/document.xml']!);
    expect(xml).toMatch(/<w:i\/>[\s\S]{0,200}?<w:t xml:space="preserve">Recalling<\/w:t>/);
    expect(xml).toMatch(/<w:t xml:space="preserve">1\.\t<\/w:t>/);
    expect(txt.get('sample')).toMatch(/United Nations[\s\S]*Distr\.: General[\s\S]*Original: English/);
    expect(txt.get('sample')).toMatch(/\(a\)\ton prevention;/);
    expect(txt.get('sample-fr')).toMatch(/Nations Unies[\s\S]*Distr\. générale[\s\S]*Original : anglais/);
    expect(pdf.get('sample')).toMatch(/^1\/2$/m);
    expect(txt.get('sample-draft')).toContain('Draft: not agreed');
    expect(txt.get('sample-draft')).toContain('[OP1] ');
  });

  it('tracked changes are real revisions, attributed, and survive into LibreOffice (ODT changed regions)', () => {
    const xml = strFromU8(unzipSync(docx.get('sample-redline')!)['word/document.xml']!);
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="Mexico" w:date="2021-03-07T10:00:00Z">/);
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="Mexico"[^>]*>[\s\S]*?<w:delText xml:space="preserve">victims and survivors<\/w:delText>/);
    const odt = strFromU8(unzipSync(readFileSync(join(dir, 'sample-redline.odt')))['content.xml']!);
    const regions = [...odt.matchAll(/<text:changed-region[\s\S]*?<\/text:changed-region>/g)].map((m) => m[0]);
    const creators = regions.map((r) => /<dc:creator>([^<]*)<\/dc:creator>/.exec(r)?.[1]);
    expect(regions.some((r) => r.includes('<text:deletion>'))).toBe(true);
    expect(new Set(creators)).toEqual(new Set(['Mexico', 'European Union', 'Co-facilitators (Mexico, Canada)', 'Canada']));
  });

  it('the compilation text is a table per paragraph with authors, supporters, opponents and decisions', () => {
    const xml = strFromU8(unzipSync(docx.get('sample-compilation')!)['word/document.xml']!);
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(10);
    const text = squash(pdf.get('sample-compilation')!);
    expect(text).toMatch(/Egypt on behalf of the Group of 77 and China.*not retained/);
    expect(text).toMatch(/Mexico replace: victims and survivors all victims Canada Egypt accepted/);
    expect(squash(pdf.get(`${SEEDS[0]}-compilation`)!)).toMatch(/Aucune proposition\..*Texte de compilation|Texte de compilation.*Aucune proposition\./);
  });
});
