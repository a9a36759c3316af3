import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { readSource } from '../../cli/read-source';
import { importText } from '../../shared/import/import-text';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const run = (text: string, italic = false): string =>
  `<w:r>${italic ? '<w:rPr><w:i/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const note = (id: number): string =>
  `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
const para = (runs: string, numbered?: [number, number]): string =>
  `<w:p><w:pPr>${numbered ? `<w:numPr><w:ilvl w:val="${numbered[1]}"/><w:numId w:val="${numbered[0]}"/></w:numPr>` : ''}</w:pPr>${runs}</w:p>`;

const documentXml = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>
${para(run('Improving the coordination of efforts against trafficking in persons'))}
${para(run('The General Assembly,', true))}
${para(run('Recalling also', true) + run(' its resolution 64/293 &amp; others') + note(2) + run(','))}
${para(run('Noting with concern', true) + run(' that trafficking persists,'))}
${para(run('Urges', true) + run(' Member States to act;'), [1, 0])}
${para(run('Decides', true) + run(' that:'), [1, 0])}
${para(run('The meeting shall be held in New York;'), [1, 1])}
${para(run('The meeting shall last two days;'), [1, 1])}
${para(run('3.') + '<w:r><w:tab/></w:r>' + run('Requests', true) + run(' a report, its number typed with a tab.'))}
</w:body></w:document>`;

const numberingXml = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;

const footnotesXml = `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${W}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p>${note(2)}${run(' See ')}${run('Official Records', true)}${run(', A/64/130.')}</w:p></w:footnote>
</w:footnotes>`;

const tmp = mkdtempSync(join(tmpdir(), 'penholder-docx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a .docx', () => {
  const file = join(tmp, 'draft.docx');
  writeFileSync(file, zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(documentXml),
    'word/numbering.xml': strToU8(numberingXml),
    'word/footnotes.xml': strToU8(footnotesXml),
  }));

  it('reads as Markdown with italic leads, numbering written out and footnotes after a rule', async () => {
    const { text, format } = await readSource(file);
    expect(format).toBe('md');
    expect(text).toContain('*Recalling also* its resolution 64/293 & others<sup>1</sup>,');
    expect(text).toContain('1. *Urges* Member States to act;');
    expect(text).toContain('(a) The meeting shall be held in New York;');
    expect(text).toMatch(/---\n\n<sup>1<\/sup> See \*Official Records\*, A\/64\/130\.\n$/u);
  });
  it('imports into the same structure as a text', async () => {
    const { text, format } = await readSource(file);
    const t = importText(text, { source: file, format });
    expect(t.title).toBe('Improving the coordination of efforts against trafficking in persons');
    expect(t.organ).toBe('The General Assembly');
    expect(t.preamble.map((p) => p.lead)).toEqual(['Recalling also', 'Noting with concern']);
    expect(t.preamble[0]).toMatchObject({ text: 'Recalling also its resolution 64/293 & others,', footnotes: ['1'] });
    expect(t.operative.map((p) => [p.number, p.lead, p.items.length])).toEqual([['1', 'Urges', 0], ['2', 'Decides', 2], ['3', 'Requests', 0]]);
    expect(t.operative[1]?.items[1]).toEqual({ label: 'b', text: 'The meeting shall last two days;' });
    expect(t.footnotes).toEqual([{ mark: '1', text: 'See Official Records, A/64/130.' }]);
  });
  it('with no word/document.xml is refused, naming the file', async () => {
    const bad = join(tmp, 'empty.docx');
    writeFileSync(bad, zipSync({ 'x.txt': strToU8('x') }));
    await expect(readSource(bad)).rejects.toThrow(/empty\.docx: not a Word document/u);
  });
});
