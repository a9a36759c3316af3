import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negotiatedSample } from './fixture';
import { hasTool, reviewInLibreOffice, run, squash } from './tools';
import { exportBytes } from '../../shared/export/export-bytes';
import { importText } from '../../shared/import/import-text';
import { sourceFromBytes } from '../../shared/import/source-from-bytes';
import { itemLabel } from '../../shared/model/clean-text';
import { accept, replaceParagraphText } from '../../shared/model/facilitator-commands';
import type { FrozenParagraph } from '../../shared/model/table-state';
import { propose } from '../../shared/model/proposal-commands';
import { compareRevisions } from '../../shared/model/revision-commands';
import { plainParagraph, richText, type PlainItem } from '../../shared/text/rich-text';
import { as, cofac } from '../model/fixture';

const tools = hasTool('soffice') && hasTool('pdftoppm');
const PAGES = 'test-results/export-pages';

/** The lines of a paragraph's sub-items, each with its label, as LibreOffice writes them out. */
function itemLines(items: PlainItem[], depth = 0): string[] {
  return items.flatMap((item, i) => [squash(`${itemLabel(i, depth, 'en')} ${item.text}`), ...itemLines(item.items, depth + 1)]);
}

/** The text as LibreOffice writes it out: one line per paragraph and per sub-item, "n. " before a numbered paragraph. */
function asLines(paragraphs: FrozenParagraph[]): string[] {
  const counts = { operative: 0, declaration: 0 };
  const numbered = (kind: string) => (kind === 'operative' || kind === 'declaration') && paragraphs.filter((p) => p.kind === kind).length > 1;
  return paragraphs.flatMap((p) => {
    const plain = plainParagraph(p.text);
    const words = squash(plain.text);
    return [numbered(p.kind) ? `${++counts[p.kind as 'operative' | 'declaration']}. ${words}` : words, ...itemLines(plain.items)];
  });
}

/**
 * The sample negotiated from its zero draft: words replaced (Mexico), a paragraph added (EU), a
 * paragraph deleted (Mexico), brackets typed, declaration paragraphs merged, sub-items given to a paragraph,
 * reworded, removed and added (co-facilitators); exported as a tracked DOCX against the zero draft, then reviewed in LibreOffice
 * as a person would.
 */
describe.skipIf(!tools)('the tracked DOCX (redline)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'penholder-tracked-'));
  const { negotiation, ids } = negotiatedSample(false);
  const removal = propose(negotiation, as('mexico'), { kind: 'delete-paragraph', paragraphId: ids[1]!, at: '2021-03-09T10:00:00Z' });
  accept(negotiation, cofac, `mexico/${removal.id}`, '2021-03-09T11:00:00Z');
  // Sub-items given to a paragraph that had none; in another, one reworded, one removed and one added.
  const op2 = plainParagraph(negotiation.table.paragraph(ids[3]!)!.text);
  replaceParagraphText(negotiation, cofac, ids[3]!, richText({ text: op2.text.replace(/;$/, ':'), lead: op2.lead, items: [{ text: 'in law;', items: [] }, { text: 'in practice;', items: [] }] }));
  replaceParagraphText(negotiation, cofac, ids[4]!, richText({
    text: 'Requests the Secretary-General to report on progress:', lead: 'Requests',
    items: [{ text: 'on prevention and prosecution;', items: [] }, { text: 'on protection of victims;', items: [] }, { text: 'on partnerships.', items: [] }],
  }));
  const changes = compareRevisions(negotiation, 0, 'current');
  const docx = join(dir, 'redline.docx');
  let bytes: Uint8Array;
  let xml: string;

  beforeAll(async () => {
    bytes = await exportBytes(negotiation, { kind: 'redline', format: 'docx', base: 0 });
    writeFileSync(docx, bytes);
    xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    // The first start makes the LibreOffice profile the review macro goes in; page 1 is for a person to look at.
    run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 180_000 });
    run('pdftoppm', ['-png', '-r', '60', '-singlefile', '-f', '1', '-l', '1', join(dir, 'redline.pdf'), join(PAGES, 'tracked-redline')]);
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has Track Changes on, Word numbering instead of typed PP/OP labels, and whole paragraphs and sub-items tracked as paragraphs', () => {
    expect(strFromU8(unzipSync(bytes)['word/settings.xml']!)).toContain('<w:trackRevisions/>');
    expect(xml).not.toMatch(/>(PP|OP)\d/);
    expect((xml.match(/<w:numPr>/g) ?? []).length).toBe(changes.filter((c) => c.before?.kind === 'operative' || c.after?.kind === 'operative' || c.before?.kind === 'declaration' || c.after?.kind === 'declaration').length);
    // The added paragraph's mark is inserted, the deleted one's deleted, each attributed.
    expect(xml).toMatch(/<w:rPr><w:ins w:id="\d+" w:author="European Union" w:date="[^"]+"\/><\/w:rPr><\/w:pPr><w:ins [^>]*><w:r>(<w:rPr>[\s\S]*?<\/w:rPr>)?<w:t xml:space="preserve">Decides also to hold/);
    expect(xml).toMatch(/<w:rPr><w:del w:id="\d+" w:author="Mexico" w:date="2021-03-09T11:00:00Z"\/><\/w:rPr><\/w:pPr><w:del [^>]*><w:r>(<w:rPr>[\s\S]*?<\/w:rPr>)?<w:delText xml:space="preserve">Reaffirming the commitment/);
    // Sub-items are paragraphs of their own, the label then a tab; the item added is a paragraph inserted.
    expect(xml).toMatch(/<w:t xml:space="preserve">\(a\)\ton prevention<\/w:t>/);
    expect(xml).toMatch(/<w:delText xml:space="preserve">\(i\)\tincluding children;<\/w:delText>/);
    expect(xml).toMatch(/<w:ins [^>]*><w:r>(<w:rPr>[\s\S]*?<\/w:rPr>)?<w:t xml:space="preserve">\(c\)\ton partnerships\.<\/w:t>/);
  });

  it('Reject All in LibreOffice gives back the zero draft exactly, numbered as it was; Accept All gives the current text', () => {
    const body = (text: string): string[] => {
      const lines = text.split('\n').map(squash).filter(Boolean);
      return lines.slice(lines.indexOf('The General Assembly,') + 1);
    };
    const base = changes.flatMap((c) => (c.before ? [c.before] : []));
    const target = changes.flatMap((c) => (c.after ? [c.after] : []));
    expect(body(reviewInLibreOffice(join(dir, 'profile'), docx, 'RejectAllTrackedChanges'))).toEqual(asLines(base));
    expect(body(reviewInLibreOffice(join(dir, 'profile'), docx, 'AcceptAllTrackedChanges'))).toEqual(asLines(target));
  }, 240_000);

  it('re-imported, it gives the current text\'s paragraphs', () => {
    const source = sourceFromBytes('redline.docx', bytes);
    const imported = importText(source.text, { source: 'redline.docx', format: source.format });
    const target = changes.flatMap((c) => (c.after ? [c.after] : []));
    const plain = (kind: string) => target.filter((p) => p.kind === kind).map((p) => plainParagraph(p.text));
    expect(imported.preamble.map((p) => squash(p.text))).toEqual(plain('preambular').map((p) => squash(p.text)));
    expect(imported.operative.map((p) => squash(p.text))).toEqual(plain('operative').map((p) => squash(p.text)));
    // Sub-items come back as sub-items.
    const items = (list: { text: string; items?: { text: string }[] }[]): string[] => list.flatMap((i) => [squash(i.text), ...items(i.items ?? [])]);
    expect(imported.operative.map((p) => items(p.items))).toEqual(plain('operative').map((p) => items(p.items)));
  });
});
