import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS } from './fixture';
import { hasTool, run, seedNegotiation, squash } from './tools';
import { exportBytes } from '../../shared/export/export-bytes';
import { englishOrdinal, frenchOrdinal, sessionName } from '../../shared/export/un-words';
import { importText } from '../../shared/import/import-text';
import { replaceParagraphText } from '../../shared/model/facilitator-commands';
import { issueRevision } from '../../shared/model/revision-commands';
import { sourceFromBytes } from '../../shared/import/source-from-bytes';
import { cleanText } from '../../shared/model/clean-text';
import { negotiationFromImport } from '../../shared/model/from-import';
import type { Negotiation } from '../../shared/model/negotiation';
import { cofac, sampleNegotiation } from '../model/fixture';

const tools = hasTool('soffice') && hasTool('pdftotext') && hasTool('pdftoppm');
const PAGES = 'test-results/export-pages';

describe('UN words', () => {
  it('names sessions as the Secretariat does, in English and French', () => {
    expect([1, 12, 21, 45, 76, 80, 99].map(englishOrdinal)).toEqual(['first', 'twelfth', 'twenty-first', 'forty-fifth', 'seventy-sixth', 'eightieth', 'ninety-ninth']);
    expect([1, 3, 21, 71, 75, 76, 79, 80, 81].map(frenchOrdinal)).toEqual(['première', 'troisième', 'vingt et unième', 'soixante et onzième', 'soixante-quinzième', 'soixante-seizième', 'soixante-dix-neuvième', 'quatre-vingtième', 'quatre-vingt-unième']);
    expect(sessionName(80, 'fr')).toBe('Quatre-vingtième session');
  });
});

describe('re-importing Penholder\'s own DOCX', () => {
  // The report (002) is left out: its first import already takes the masthead for its title.
  it.each(SEEDS.filter((s) => !s.startsWith('002')))('%s: the clean text DOCX imports back to the same paragraphs', async (seed) => {
    const original = seedNegotiation(seed);
    const bytes = await exportBytes(original, { kind: 'clean', format: 'docx' });
    const source = sourceFromBytes(`${seed}.docx`, bytes);
    const back = negotiationFromImport(importText(source.text, { source: `${seed}.docx`, format: source.format }), { id: 'back' });
    const paragraphs = (n: Negotiation) => cleanText(n).paragraphs.map((p) => ({ kind: p.kind, number: p.number, text: p.text, items: p.items, footnotes: p.footnotes }));
    expect(paragraphs(back)).toEqual(paragraphs(original));
    expect(back.table.meta()).toMatchObject({ symbol: original.table.meta().symbol, title: original.table.meta().title, organ: original.table.meta().organ });
  });
});

describe('re-importing Penholder\'s own DOCX of a resolution with an annexed declaration', () => {
  // The annex's title (the same words as the resolution's, under "Annex") was taken for a running header, and a
  // draft's "[4] We …" labels were not read: the declaration fell into its chapeau.
  const annexed = ['test/fixtures/import/en-ga-political-declaration.txt', 'test/fixtures/import/corpus/dev/ga-pdf-80-9.txt', 'test/fixtures/import/corpus/dev/ga-pdf-80-3.txt'];
  it.each(annexed.flatMap((file) => [[file, false], [file, true]] as const))('%s (draft: %s): the same paragraphs, headings and annex title come back', async (file, draft) => {
    const original = negotiationFromImport(importText(readFileSync(file, 'utf8'), { source: file }), { id: 'annexed' });
    const source = sourceFromBytes('annexed.docx', await exportBytes(original, { kind: 'clean', format: 'docx', draft }));
    const back = negotiationFromImport(importText(source.text, { source: 'annexed.docx', format: source.format }), { id: 'back' });
    const paragraphs = (n: Negotiation) => cleanText(n, { draft }).paragraphs.map((p) => ({ kind: p.kind, number: p.number, label: p.label, text: p.text, items: p.items }));
    const [want, got] = [paragraphs(original), paragraphs(back)];
    // Known, left: a footnote whose mark the first import did not find is printed after the text, and comes
    // back as the last paragraph's end (80/9's note 15, 80/3's note 16).
    expect(got.at(-1)!.text.startsWith(want.at(-1)!.text)).toBe(true);
    expect(got.slice(0, -1)).toEqual(want.slice(0, -1));
    expect(got.map((p) => p.kind).filter((k) => k === 'annex-title' || k === 'heading')).toEqual(want.map((p) => p.kind).filter((k) => k === 'annex-title' || k === 'heading'));
  });
});

/** A resolution adopting an annexed declaration, and the sample with a footnote mark inside its first paragraph. */
describe.skipIf(!tools)('DOCX as the Secretariat issues it, opened by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'penholder-un-docx-'));
  const xml = new Map<string, string>();
  const pdf = new Map<string, string>();

  beforeAll(async () => {
    const source = readFileSync('test/fixtures/import/en-ga-political-declaration.txt', 'utf8');
    const declaration = negotiationFromImport(importText(source, { source: 'A/RES/76/7' }), { id: 'pd' });
    const { negotiation: sample, ids } = sampleNegotiation();
    sample.table.footnotesMap.set('fn-a', 'See A/RES/64/293, annex.');
    const first = ids[0]!;
    replaceParagraphText(sample, cofac, first, {
      type: 'doc',
      content: [{ type: 'body', content: [{ type: 'text', text: 'Recalling', marks: [{ type: 'lead' }] }, { type: 'text', text: ' its resolution 64/293' }, { type: 'footnote_ref', attrs: { id: 'fn-a' } }, { type: 'text', text: ' of 30 July 2010,' }] }],
    });
    // The zero draft circulated on 13 February, Rev.1 issued on 16 March, Rev.2 on 1 April.
    const revised = sampleNegotiation().negotiation;
    issueRevision(revised, cofac, null, '2026-02-13T15:00:00.000Z');
    issueRevision(revised, cofac, null, '2026-03-16T09:30:00.000Z');
    issueRevision(revised, cofac, null, '2026-04-01T18:00:00.000Z');
    // The same adopted resolution renegotiated: its zero draft and Rev.1 are drafts.
    const renegotiated = negotiationFromImport(importText(source, { source: 'A/RES/76/7' }), { id: 'pd-again' });
    issueRevision(renegotiated, cofac, null, '2026-02-13T15:00:00.000Z');
    issueRevision(renegotiated, cofac, null, '2026-03-16T09:30:00.000Z');
    const docs: [string, Uint8Array][] = [
      ['renegotiated-rev1', await exportBytes(renegotiated, { kind: 'clean', format: 'docx', draft: true, revision: 1 })],
      ['declaration', await exportBytes(declaration, { kind: 'clean', format: 'docx', draft: true, agendaItem: '109' })],
      ['declaration-fr', await exportBytes(declaration, { kind: 'clean', format: 'docx', draft: true, language: 'fr' })],
      ['sample', await exportBytes(sample, { kind: 'clean', format: 'docx' })],
      ['zero-draft', await exportBytes(revised, { kind: 'clean', format: 'docx', draft: true, revision: 0 })],
      ['rev1-fr', await exportBytes(revised, { kind: 'clean', format: 'docx', draft: true, revision: 1, language: 'fr' })],
      ['rev2-fr', await exportBytes(revised, { kind: 'clean', format: 'docx', draft: true, revision: 2, language: 'fr' })],
      ['rev1-changes', await exportBytes(revised, { kind: 'redline', format: 'docx', base: 0, revision: 1 })],
      ['current', await exportBytes(revised, { kind: 'clean', format: 'docx', draft: true })],
    ];
    for (const [name, bytes] of docs) {
      writeFileSync(join(dir, `${name}.docx`), bytes);
      xml.set(name, strFromU8(unzipSync(bytes)['word/document.xml']!));
    }
    run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, ...docs.map(([n]) => join(dir, `${n}.docx`))], { timeout: 180_000 });
    mkdirSync(PAGES, { recursive: true });
    for (const [name] of docs) {
      pdf.set(name, run('pdftotext', ['-enc', 'UTF-8', join(dir, `${name}.pdf`), '-']));
      // Page 1, for a person to look at.
      run('pdftoppm', ['-png', '-r', '60', '-singlefile', '-f', '1', '-l', '1', join(dir, `${name}.pdf`), join(PAGES, `un-${name}`)]);
    }
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the masthead: organ, symbol, distribution, session, agenda item, "Resolution adopted by …", the number before the title', () => {
    // pdftotext reads the two columns of the masthead in either order: look for each part, in order.
    const inOrder = (text: string, parts: (string | RegExp)[]): void => {
      let at = 0;
      for (const part of parts) {
        const rest = text.slice(at);
        const found = typeof part === 'string' ? text.indexOf(part, at) : rest.search(part) < 0 ? -1 : at + rest.search(part);
        expect(found, String(part)).toBeGreaterThanOrEqual(at);
        at = found;
      }
    };
    const en = squash(pdf.get('declaration')!);
    for (const part of ['United Nations', 'General Assembly', 'A/RES/76/7']) expect(en.slice(0, 60)).toContain(part);
    inOrder(en, [/Distr\.: General \d{1,2} \w+ \d{4} Seventy-sixth session Agenda item 109/, 'Resolution adopted by the General Assembly on 22 November 2021', '76/7. Political declaration', 'The General Assembly,']);
    const fr = squash(pdf.get('declaration-fr')!);
    for (const part of ['Nations Unies', 'Assemblée générale', 'A/RES/76/7']) expect(fr.slice(0, 60)).toContain(part);
    inOrder(fr, [/Distr\. générale \d{1,2} \S+ \d{4} Soixante-seizième session/, 'Résolution adoptée par l’Assemblée générale le 22 novembre 2021', '76/7. Political declaration']);
  });

  it('a Rev.N of an adopted resolution is a draft: no resolution symbol, number, "adopted by" or meeting line; "Rev.1" where the symbol stands', () => {
    const text = pdf.get('renegotiated-rev1')!;
    const all = squash(text);
    // pdftotext reads the masthead's two columns in either order.
    for (const part of ['United Nations', 'General Assembly', 'Rev.1']) expect(all.slice(0, 60)).toContain(part);
    expect(all).toContain('Distr.: General 16 March 2026');
    expect(all).not.toContain('A/RES/76/7');
    expect(all).not.toContain('Resolution adopted by');
    expect(all).not.toContain('76/7.');
    expect(all).not.toContain('plenary meeting');
    expect(all).toContain('Political declaration');
    expect(text.split('\f')[1]).toMatch(/^Rev\.1\s/);
  });

  it('the date under the symbol is the day the text was issued: the zero draft\'s circulation, Rev.N\'s issue, today for the current text', () => {
    const distributed = (name: string) => /Distr\S*:? \S+ (\S+ \S+ \d{4})/.exec(squash(pdf.get(name)!))?.[1];
    expect(distributed('zero-draft')).toBe('13 February 2026');
    expect(distributed('rev1-fr')).toBe('16 mars 2026');
    expect(distributed('rev2-fr')).toBe('1er avril 2026');
    expect(distributed('rev1-changes')).toBe('16 March 2026');
    const today = new Date();
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    expect(distributed('current')).toBe(`${today.getUTCDate()} ${months[today.getUTCMonth()]} ${today.getUTCFullYear()}`);
  });

  it('the plenary meeting line after the last operative paragraph, then "Annex" and the declaration on a new page', () => {
    const text = squash(pdf.get('declaration')!);
    const adopts = text.indexOf('annexed to the present resolution.');
    const meeting = text.indexOf('3rd plenary meeting 22 November 2021');
    const annex = text.indexOf('Annex Political declaration on the implementation');
    const we = text.indexOf('We, Heads of State and Government');
    expect(adopts).toBeGreaterThan(0);
    expect(meeting).toBeGreaterThan(adopts);
    expect(annex).toBeGreaterThan(meeting);
    expect(we).toBeGreaterThan(annex);
    expect(pdf.get('declaration')!.split('\f')[1]).toMatch(/^A\/RES\/76\/7\s+Annex/);
    expect(squash(pdf.get('declaration-fr')!)).toContain('Annexe Political declaration');
  });

  it('UN page numbering: "n/N" outside, the symbol as running head after page 1', () => {
    const pages = pdf.get('declaration')!.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => expect(page).toMatch(new RegExp(`^${i + 1}/${pages.length}$`, 'm')));
  });

  it('a footnote mark stays at its word', () => {
    const doc = xml.get('sample')!;
    expect(doc).toMatch(/<w:t xml:space="preserve"> its resolution 64\/293<\/w:t><\/w:r><w:r>(<w:rPr>[\s\S]*?<\/w:rPr>)?<w:footnoteReference w:id="1"\/><\/w:r><w:r><w:t xml:space="preserve"> of 30 July 2010,<\/w:t>/);
    expect(squash(pdf.get('sample')!)).toContain('Recalling its resolution 64/2931 of 30 July 2010,');
  });
});
