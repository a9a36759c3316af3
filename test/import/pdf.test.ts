import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSourceFile } from '../../main/files/read-source-file';
import { cleanDocx } from '../../shared/export/docx/clean-docx';
import { importText } from '../../shared/import/import-text';
import type { ImportedText } from '../../shared/import/imported-text';
import { cleanText } from '../../shared/model/clean-text';
import { negotiationFromImport } from '../../shared/model/from-import';
import { scoreDocument, type Truth } from './corpus-score';

const run = promisify(execFile);
const hasTool = (tool: string): boolean => {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const corpus = fileURLToPath(new URL('../fixtures/import/corpus/dev/', import.meta.url));
// Texts of the corpus printed in UN layout: their clean DOCX (as Penholder exports it) through LibreOffice.
const texts = ['ga-pdf-80-3.txt', 'ga-md-80-21.md', 'sc-0748_1992.txt', 'ga-md-80-54.md'];
const dir = mkdtempSync(join(tmpdir(), 'penholder-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (name: string): string => readFileSync(join(corpus, name), 'utf8');
const imported = (name: string): ImportedText => importText(read(name), { source: name, format: name.endsWith('.md') ? 'md' : undefined });

/** The structure an import gives, as the corpus truth records it, to hold a second import against. */
function asTruth(name: string, t: ImportedText): Truth {
  const words = (s: string, from: 'start' | 'end'): string => {
    const w = s.split(/\s+/u).filter(Boolean);
    return (from === 'start' ? w.slice(0, 5) : w.slice(-4)).join(' ');
  };
  const row = (p: { text: string; items: { text: string }[]; number?: string | null }): Truth['preamble'][number] => ({
    number: p.number ?? null, first: words(p.text || (p.items[0]?.text ?? ''), 'start'),
    last: words(p.items[p.items.length - 1]?.text ?? p.text, 'end'), items: p.items.length,
  });
  return {
    file: name, symbol: t.symbol, footnotes: t.footnotes.length,
    preamble: t.preamble.map(row), operative: t.operative.map(row),
    annexes: t.annexes.map((a) => ({ paragraphs: a.paragraphs.map(row) })),
  };
}

describe.skipIf(!hasTool('soffice'))('penholder import X.pdf: a PDF in UN layout, printed by LibreOffice from DOCX', () => {
  beforeAll(async () => {
    for (const name of texts) {
      const t = imported(name);
      writeFileSync(join(dir, `${name}.docx`), await cleanDocx(cleanText(negotiationFromImport(t)), t.language));
    }
    await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf',
      '--outdir', dir, ...texts.map((n) => join(dir, `${n}.docx`))], { timeout: 240_000 });
  }, 300_000);

  for (const name of texts) {
    it(`reads ${name} from its PDF as from its text: every paragraph, sub-item, number and footnote`, async () => {
      const source = await readSourceFile(join(dir, `${name}.pdf`));
      expect(source.format).toBe('md');
      // The clean text renumbers a single operative paragraph away, as the Secretariat prints it.
      const want = asTruth(name, imported(name));
      if (want.operative.length === 1) want.operative = want.operative.map((p) => ({ ...p, number: null }));
      const score = scoreDocument(source.text, { ...want, file: `${name}.pdf` }, source.format);
      expect(score.problems).toEqual([]);
      expect(score.matched).toBe(score.total);
    });
  }
  it('penholder import X.pdf prints what it read', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const { stdout } = await run('node', ['bin/penholder.mjs', 'import', join(dir, 'sc-0748_1992.txt.pdf'), '--json'], { cwd: root });
    const t = JSON.parse(stdout) as ImportedText;
    expect(t).toMatchObject({ symbol: 'S/RES/748 (1992)', organ: 'The Security Council', language: 'en' });
    expect(t.operative).toHaveLength(imported('sc-0748_1992.txt').operative.length);
  });
  it('says what is wrong with a file that is not a PDF', async () => {
    writeFileSync(join(dir, 'not.pdf'), 'The General Assembly,\n');
    await expect(readSourceFile(join(dir, 'not.pdf'))).rejects.toThrow(/not\.pdf: not a readable PDF/u);
  });
  it('keeps the italic organ line and preambular leads the PDF sets in italics', async () => {
    const source = await readSourceFile(join(dir, 'ga-md-80-21.md.pdf'));
    const t = importText(source.text, { source: 'ga-md-80-21.pdf', format: 'md' });
    expect(t.organ).toBe('The General Assembly');
    expect(t.preamble.map((p) => p.lead).slice(0, 3)).toEqual(['Recalling', 'Expressing', 'Recognizing']);
    expect(t.footnotes.length).toBeGreaterThan(0);
    expect(JSON.stringify(t)).not.toMatch(/Page \d+ of \d+/u);
  });
});
