import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/import-text';

const fixtures = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const read = (name: string): ReturnType<typeof importText> =>
  importText(readFileSync(fixtures + name, 'utf8'), { source: name });

describe('a General Assembly resolution with its annexed political declaration, as pdftotext gives it', () => {
  const t = read('en-ga-political-declaration.txt');

  it('reads the resolution: symbol, title over three lines, organ, paragraphs without blank lines, closing', () => {
    expect(t).toMatchObject({
      form: 'resolution', language: 'en', symbol: 'A/RES/76/7', organ: 'The General Assembly',
      title: 'Political declaration on the implementation of the United Nations Global Plan of Action to Combat Trafficking in Persons',
      closing: '3rd plenary meeting, 22 November 2021',
    });
    expect(t.preamble.map((p) => p.lead)).toEqual(['Recalling', 'Mindful']);
    expect(t.preamble[1]?.text).toBe('Mindful of the need for a coordinated, comprehensive and cost-effective response to trafficking in persons,');
    expect(t.operative).toHaveLength(1);
    expect(t.operative[0]).toMatchObject({ number: null, lead: 'Adopts' });
  });
  it('reads the declaration across the page break: chapeau, five paragraphs, items, footnotes', () => {
    const annex = t.annexes[0];
    expect(t.annexes).toHaveLength(1);
    expect(annex?.chapeau).toMatch(/^We, Heads of State and Government and representatives of States and Governments, assembled at United Nations Headquarters in New York on 22 November 2021, .* in Persons,$/u);
    expect(annex?.paragraphs.map((p) => p.number)).toEqual(['1', '2', '3', '4', '5']);
    expect(annex?.paragraphs[1]?.items.map((i) => i.text)).toEqual([
      'Strengthening multi-stakeholder cooperation, including with the private sector;',
      'Promoting the well-being and long-term recovery of survivors;',
    ]);
    expect(annex?.paragraphs[2]?.footnotes).toEqual(['2']);
    expect(annex?.paragraphs[4]?.text).toMatch(/^We decide .* of the General Assembly\.$/u);
    expect(t.footnotes.map((f) => f.text)).toEqual(['Resolution 64/293, annex.', 'See A/76/266.']);
    expect(JSON.stringify(t)).not.toMatch(/21-17321|2117321|2\/2/u);
  });
  it('keeps the hyphen of English compounds broken at a line end', () => {
    const [p1, , p3, p4] = t.annexes[0]?.paragraphs ?? [];
    expect(p1?.text).toContain('a gender-responsive, victim-centred and trauma-informed approach;');
    expect(p3?.text).toContain('importance of evidence-based policies and of data collection and call for enhanced inter-agency coordination');
    expect(p4?.text).toBe('We acknowledge the role of the so-called co-facilitators and of non-governmental organizations in the follow-up to the present declaration, and encourage child-sensitive and high-level engagement in decision-making;');
  });
});

describe('a Security Council resolution copied from the web: one line per paragraph, no blank lines', () => {
  const t = read('en-sc-resolution.txt');

  it('takes the symbol from "Resolution 2601 (2021)" and the closing from the adoption line', () => {
    expect(t).toMatchObject({
      form: 'resolution', symbol: 'S/RES/2601 (2021)', title: 'Resolution 2601 (2021)', organ: 'The Security Council',
      closing: '8889th meeting, 29 October 2021',
    });
  });
  it('starts a paragraph at each line, even with a lead it does not know', () => {
    expect(t.preamble.map((p) => p.lead)).toEqual(['Reaffirming', 'Reaffirming', 'Gravely concerned', 'Heedful', 'Underscoring']);
    expect(t.operative.map((p) => [p.number, p.lead])).toEqual([
      ['1', 'Strongly condemns'], ['2', 'Urges'], ['3', 'Calls upon'], ['4', 'Requests'], ['5', 'Decides'],
    ]);
    expect(t.operative[1]?.items.map((i) => i.label)).toEqual(['a', 'b']);
    expect(t.operative[4]?.text).toBe('Decides to remain actively seized of the matter.');
  });
});

describe('an Economic and Social Council decision', () => {
  const t = read('en-ecosoc-decision.txt');

  it('reads an E/DEC symbol from a number above 200 and the whole title', () => {
    expect(t).toMatchObject({
      form: 'resolution', symbol: 'E/DEC/2021/241', organ: null, closing: null,
      title: 'Report of the Commission on Crime Prevention and Criminal Justice on its thirtieth session and provisional agenda and documentation for its thirty-first session',
    });
  });
  it('reads "At its 13th plenary meeting, ... the Council:" as one paragraph with its items', () => {
    expect(t.operative).toHaveLength(1);
    const [p] = t.operative;
    expect(p).toMatchObject({ number: null, text: 'At its 13th plenary meeting, on 22 July 2021, the Economic and Social Council:', footnotes: ['1'] });
    expect(p?.items.map((i) => i.label)).toEqual(['a', 'b']);
    expect(p?.items[0]?.text).toBe('Took note of the report of the Commission on Crime Prevention and Criminal Justice on its thirtieth session;');
    expect(p?.items[1]?.text).toContain('a cost-effective and gender-responsive organization of the session, with the co-facilitators of the inter-agency consultations.');
    expect(t.footnotes).toEqual([{ mark: '1', text: 'Official Records of the Economic and Social Council, 2021, Supplement No. 10 (E/2021/30).' }]);
  });
});

describe('a draft resolution with its sponsors, paragraphs told apart by first-line indents', () => {
  const t = read('en-draft-sponsors.txt');

  it('is a draft, titled without its sponsors line', () => {
    expect(t).toMatchObject({
      form: 'draft', symbol: 'A/76/L.7', organ: 'The General Assembly',
      title: 'Strengthening multi-stakeholder partnerships against trafficking in persons',
    });
  });
  it('finds paragraphs with leads it does not know by their indent', () => {
    expect(t.preamble.map((p) => p.lead)).toEqual(['Recalling', 'Sorely troubled', 'Welcoming', 'Resolute']);
    expect(t.preamble[1]?.text).toContain('to the well-being of victims');
    expect(t.preamble[2]).toMatchObject({ footnotes: ['1'] });
    expect(t.preamble[2]?.text).toContain('the so-called Group of Friends');
    expect(t.preamble[3]?.text).toBe('Resolute in its commitment to evidence-based, victim-centred and child-sensitive policies and to the decision-making role of survivors,');
    expect(t.operative.map((p) => p.number)).toEqual(['1', '2', '3']);
    expect(t.operative[0]?.text).toBe('Urges Member States to adopt long-term, trauma-informed national action plans and to ensure high-level follow-up to their implementation;');
  });
});

describe('excerpts and hyphenation', () => {
  it('reads an excerpt whose numbering starts at 5', () => {
    const t = importText([
      '5. Urges Member States to criminalize trafficking in persons;',
      '6. Requests the Secretary-General to report to it at its eightieth session.',
    ].join('\n'), { source: 'excerpt.txt' });
    expect(t.operative.map((p) => [p.number, p.lead])).toEqual([['5', 'Urges'], ['6', 'Requests']]);
  });
  it('reads a declaration excerpt starting at 12 under an organ line', () => {
    const t = importText('The General Assembly,\n\n12. Decides to meet again;\n\n13. Requests a report.\n', { source: 'x.txt' });
    expect(t.operative.map((p) => p.number)).toEqual(['12', '13']);
  });
  it('joins English prefixes that UN style writes solid, but not the compounds it hyphenates', () => {
    const t = importText([
      'The General Assembly,',
      '',
      'Recalling the inter-',
      'regional and multi-',
      'sectoral cooperation and the sub-',
      'regional cost-',
      'effective follow-',
      'up mechanisms,',
    ].join('\n'), { source: 'x.txt' });
    expect(t.preamble[0]?.text).toBe('Recalling the interregional and multisectoral cooperation and the subregional cost-effective follow-up mechanisms,');
  });
  it('reads superscript footnote marks in plain text, but not the exponent of a unit', () => {
    const t = importText([
      'The General Assembly,',
      '',
      'Recalling the Convention,¹˒² covering 20 km² of land,',
      '',
      'Decides to meet.³',
      '__________________',
      '¹ Resolution 55/25.',
      '² Ibid.',
      '³ Resolution 64/293.',
    ].join('\n'), { source: 'x.txt' });
    expect(t.preamble[0]).toMatchObject({ text: 'Recalling the Convention, covering 20 km² of land,', footnotes: ['1', '2'] });
    expect(t.operative[0]).toMatchObject({ text: 'Decides to meet.', footnotes: ['3'] });
    expect(t.footnotes.map((f) => f.mark)).toEqual(['1', '2', '3']);
  });
});

describe('Council texts as older PDFs print them', () => {
  it('reads a heading in capitals as the title, and points listed with dashes as sub-items', () => {
    const t = importText([
      'RESOLUTION 827 (1993)', '', 'The Security Council,', '', 'Recalling its resolution 808 (1993),', '',
      '1. Stresses that the parties must respect their commitments and, in this regard:', '',
      '— Calls for a full cessation of hostilities;', '', '— Demands that all parties work to restore freedom of movement;', '',
      '2. Decides to remain seized of the matter.',
    ].join('\n'), { source: 'sc.txt' });
    expect(t).toMatchObject({ title: 'Resolution 827 (1993)', symbol: 'S/RES/827 (1993)' });
    expect(t.operative[0]?.items.map((i) => i.text)).toEqual(['Calls for a full cessation of hostilities;', 'Demands that all parties work to restore freedom of movement;']);
    expect(t.operative[1]?.text).toBe('Decides to remain seized of the matter.');
  });
});

describe('a text whose extraction lost some sub-item labels', () => {
  it('reads the entries set apart after a lead-in as sub-items, labelled in order', () => {
    const t = importText([
      'The General Assembly,', '', 'Recalling its resolution 79/21,', '',
      '1. Requests the Secretary-General, within available resources:', '',
      'To continue the practice of sending an annual note verbale;', '', 'To circulate annually a note verbale;', '',
      '(c) To continue consultations with relevant international bodies;', '',
      '2. Decides to remain seized of the matter.',
    ].join('\n'), { source: 'ga.txt' });
    expect(t.operative[0]?.items.map((i) => i.label)).toEqual(['a', 'b', 'c']);
    expect(t.operative[0]?.text).toBe('Requests the Secretary-General, within available resources:');
    expect(t.operative[1]?.number).toBe('2');
  });
});
