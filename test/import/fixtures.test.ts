import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/import-text';

const fixtures = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const read = (name: string): string => readFileSync(fixtures + name, 'utf8');

describe('an English resolution with an annexed declaration, as PDF text', () => {
  const t = importText(read('en-declaration.txt'), { source: 'en-declaration.txt' });

  it('reads the resolution around the annex', () => {
    expect(t).toMatchObject({
      form: 'resolution', language: 'en', symbol: 'A/RES/76/7', organ: 'The General Assembly',
      title: 'Political declaration on the implementation of the United Nations Global Plan of Action to Combat Trafficking in Persons',
      closing: '3rd plenary meeting, 22 November 2021',
    });
    expect(t.preamble).toHaveLength(1);
    expect(t.preamble[0]).toMatchObject({ lead: 'Recalling', footnotes: ['1'] });
    expect(t.preamble[0]?.text).toMatch(/Trafficking in Persons,$/u);
  });
  it('reads a single operative paragraph without a number', () => {
    expect(t.operative).toEqual([
      { number: null, lead: 'Adopts', text: 'Adopts the political declaration annexed to the present resolution.', items: [], heading: null },
    ]);
  });
  it('reads the declaration: title, chapeau, numbered paragraphs under headings', () => {
    const annex = t.annexes[0];
    expect(t.annexes).toHaveLength(1);
    expect(annex?.title).toMatch(/^Political declaration on the implementation/u);
    expect(annex?.chapeau).toMatch(/^We, Heads of State and Government, .* Global Plan of Action,$/u);
    expect(annex?.paragraphs.map((p) => p.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(annex?.paragraphs.map((p) => p.heading)).toEqual([null, 'Prevention', 'Prevention',
      'Protection and assistance', 'Protection and assistance']);
    expect(t.headings).toEqual(['Prevention', 'Protection and assistance']);
  });
  it('nests (i), (ii) under (a) and joins hyphenation with judgement', () => {
    const p2 = t.annexes[0]?.paragraphs[1];
    expect(p2?.items.map((i) => i.label)).toEqual(['a', 'b']);
    expect(p2?.items[0]?.items?.map((i) => [i.label, i.text])).toEqual([
      ['i', 'Engaging the media;'],
      ['ii', 'Working with non-governmental organizations and the private sector;'],
    ]);
    expect(t.annexes[0]?.paragraphs[0]?.text).toContain('victim-centred, trauma-informed and non-discriminatory approach;');
    expect(t.annexes[0]?.paragraphs[2]?.text).toContain('in the high-level coordination');
  });
  it('takes footnote marks out, but not numbers that are text', () => {
    const [p1, p2, , p4] = t.annexes[0]?.paragraphs ?? [];
    expect(p1?.footnotes).toEqual(['2']);
    expect(p1?.text).toContain('trafficking in persons and to promote');
    expect(p2?.footnotes).toEqual(['3']);
    expect(p2?.items[1]?.text).toBe('Addressing the demand that fosters all forms of exploitation and leads to trafficking;');
    expect(p4?.text).toContain('on the 30 July of each year and in all 3 regions');
    expect(t.footnotes.map((f) => f.mark)).toEqual(['1', '2', '3']);
    expect(JSON.stringify(t)).not.toMatch(/21-17321|undocs|2117321|A\/RES\/76\/7 /u);
  });
});

describe('an English resolution in Markdown', () => {
  const t = importText(read('en-resolution.md'), { source: 'en-resolution.md', format: 'md' });

  it('reads symbol, title, organ and closing', () => {
    expect(t).toMatchObject({
      form: 'resolution', language: 'en', symbol: 'A/RES/78/228', organ: 'The General Assembly',
      title: 'Improving the coordination of efforts against trafficking in persons',
      closing: '50th plenary meeting, 19 December 2023',
    });
  });
  it('reads italic leads, items and footnotes', () => {
    expect(t.preamble.map((p) => p.lead)).toEqual(['Reaffirming', 'Deeply concerned', 'Recalling also']);
    expect(t.preamble[2]?.items.map((i) => i.label)).toEqual(['a', 'b']);
    expect(t.preamble[2]?.footnotes).toEqual(['2']);
    expect(t.preamble[2]?.text).toContain('resolutions 61/180 of 20 December 2006');
    expect(t.operative.map((p) => [p.number, p.lead])).toEqual([['1', 'Urges'], ['2', 'Calls upon'], ['3', 'Requests']]);
    expect(t.operative[1]?.items[1]?.items?.map((i) => i.text)).toEqual(['Providing shelters;', 'Providing legal aid;']);
    expect(t.operative[0]?.text).toBe(
      'Urges Member States that have not yet done so to consider ratifying or acceding to the Convention, as a matter of priority;');
    expect(t.footnotes).toEqual([
      { mark: '1', text: 'Resolution 55/25.' },
      { mark: '2', text: 'United Nations, Treaty Series, vol. 2225, No. 39574.' },
      { mark: '3', text: 'Ibid.' },
    ]);
  });
  it('detects Markdown when no format is given', () => {
    expect(importText(read('en-resolution.md'), { source: 'x' }).preamble[1]?.lead).toBe('Deeply concerned');
  });
});

describe('a plain English draft', () => {
  const t = importText(read('en-draft-plain.txt'), { source: 'en-draft-plain.txt' });

  it('is a draft by its L. symbol', () => {
    expect(t).toMatchObject({ form: 'draft', symbol: 'A/C.3/76/L.12', title: '' });
  });
  it('takes English footnote marks set after the comma', () => {
    expect(t.preamble[0]?.footnotes).toEqual(['1', '2']);
    expect(t.preamble[0]?.text).toMatch(/Organized Crime, and the Protocol thereto,$/u);
  });
  it('starts a paragraph after a blank line even with a lead it does not know', () => {
    expect(t.preamble.map((p) => p.lead)).toEqual(['Recalling', 'Heartened']);
  });
  it('reads a number standing alone on its line', () => {
    expect(t.operative.map((p) => [p.number, p.text])).toEqual([
      ['1', 'Decides to convene a meeting;'], ['2', 'Requests a report.'],
    ]);
  });
});

describe('plain English text without page furniture', () => {
  it('reads a short declaration that stands alone', () => {
    const t = importText([
      'Political declaration of the high-level meeting',
      '',
      'We, the Heads of State and Government, gathered in New York,',
      '',
      '1. We reaffirm our commitment.',
      '',
      '2. We decide to meet again.',
    ].join('\n'), { source: 'decl.txt' });
    expect(t.form).toBe('declaration');
    expect(t.annexes[0]?.chapeau).toBe('We, the Heads of State and Government, gathered in New York,');
    expect(t.annexes[0]?.paragraphs.map((p) => p.text)).toEqual(['We reaffirm our commitment.', 'We decide to meet again.']);
  });
  it('reads a French ECOSOC title number as an E/RES symbol', () => {
    const t = importText('2022/3. Titre\n\nLe Conseil économique et social,\n\nDécide de se réunir.\n', { source: 'x.txt' });
    expect(t.symbol).toBe('E/RES/2022/3');
    expect(t.operative[0]).toMatchObject({ number: null, lead: 'Décide' });
  });
});
