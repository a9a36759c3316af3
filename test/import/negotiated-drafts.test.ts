import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/import-text';

// Shapes seen in real texts that the corpus (test/fixtures/import/corpus) holds only once or not at all.
describe('the importer on the shapes of negotiated drafts and extractions', () => {
  it('reads options, a 9bis and numbering that starts again under an option as paragraphs under headings', () => {
    const t = importText([
      'The Conference of the Parties serving as the meeting of the Parties to the Paris Agreement,',
      '', 'Recalling decision 2/CMA.3,', '',
      'I. Scope', '', 'Option 1', '',
      '1. Decides that a cooperative approach is voluntary;', '',
      '1bis. [Also decides that it is mutually agreed;]', '',
      'Option 2: {No text required}', '',
      '1. [Recalls Article 6;]', '',
      'II. Reports', '',
      '2. Requests Parties to report;',
    ].join('\n'), { source: 'draft.txt' });
    expect(t.organ).toBe('The Conference of the Parties serving as the meeting of the Parties to the Paris Agreement');
    expect(t.preamble.map((p) => p.text)).toEqual(['Recalling decision 2/CMA.3,']);
    expect(t.operative.map((p) => [p.number, p.heading])).toEqual([
      ['1', 'Option 1'], ['1bis', 'Option 1'], ['1', 'Option 2: {No text required}'], ['2', 'II. Reports'],
    ]);
    expect(t.operative[0]?.headings).toEqual(['I. Scope', 'Option 1']);
  });

  it('splits (_a_) sub-items in Markdown, drops "Page n of N" footers and keeps the agenda item', () => {
    const md = importText('Agenda item 107\n\nThe General Assembly,\n\n*Recalling* its resolutions,\n\n' +
      '1. *Requests* the Secretary-General:\n(_a_) To report;\n(_b_) To act;\n', { source: 'a.md', format: 'md' });
    expect(md.operative[0]?.items.map((i) => i.text)).toEqual(['To report;', 'To act;']);
    expect(md.agendaItem).toBe('107');
    const txt = importText('The General Assembly,\n\nRecalling its resolutions,\n\n1. Requests a report on the matter\n' +
      'Page 1 of 2\nat its next session;\n', { source: 'a.txt' });
    expect(txt.operative[0]?.text).toBe('Requests a report on the matter at its next session;');
  });

  it('takes footnote marks after a full stop and glued to a year, not after an abbreviation', () => {
    const t = importText('The General Assembly,\n\nRecalling the Declarations of 20172 and 2021,3 and document A/75/L.1/Corr.1,\n\n' +
      '1. Decides to act against trafficking in persons.4\n\n____________\n2 Resolution 72/1.\n3 Resolution 76/7.\n' +
      '4 Resolution 80/9.\n', { source: 'a.txt' });
    expect(t.preamble[0]?.text).toBe('Recalling the Declarations of 2017 and 2021, and document A/75/L.1/Corr.1,');
    expect(t.preamble[0]?.footnotes).toEqual(['2', '3']);
    expect(t.operative[0]?.text).toBe('Decides to act against trafficking in persons.');
  });

  it('reads "Annex A" as an annex, a Council vote line over several lines as the closing, and a bold heading as a heading', () => {
    const sc = importText(['Resolution 1454 (2002)', '', 'The Security Council,', '', 'Recalling its resolutions,', '',
      '1. Approves the list in Annex A;', '', '2. Decides to remain seized of the matter.', '',
      'Adopted at the 298Ist meeting by 12', 'votes to 1 (Cuba) with 2 abstentions', '(Ecuador, Yemen).', '',
      'Annex A', '', 'Procedures', '', '1. Each application will be registered.', '',
      '2. Each application will be reviewed.'].join('\n'), { source: 'sc.txt' });
    expect(sc.operative.map((p) => p.number)).toEqual(['1', '2']);
    expect(sc.closing).toBe('Adopted at the 298Ist meeting by 12 votes to 1 (Cuba) with 2 abstentions (Ecuador, Yemen).');
    expect(sc.annexes[0]?.paragraphs.map((p) => p.text)).toEqual(['Each application will be registered.', 'Each application will be reviewed.']);
    const md = importText('*The Conference of the Parties*,\n\n*Recalling* decision 2/CMA.3,\n\n**I. Scope**\n\n1. *Decides* to act;\n',
      { source: 'a.md', format: 'md' });
    expect(md.operative.map((p) => [p.number, p.heading])).toEqual([['1', 'I. Scope']]);
  });

  it('keeps an annexed declaration\'s title when a sub-heading follows it and no "Annex" line precedes it', () => {
    const t = importText('The General Assembly,\n\n*Recalling* its resolution,\n\n1. *Adopts* the declaration annexed to the present ' +
      'resolution.\n\n## Political declaration on trafficking\n\n### I. Our commitment\n\n1. We reaffirm our commitment;\n\n' +
      '2. We recall the Plan.\n', { source: 'a.md', format: 'md' });
    expect(t.annexes.map((a) => a.title)).toEqual(['Political declaration on trafficking']);
    expect(t.annexes[0]?.paragraphs.map((p) => [p.number, p.heading])).toEqual([['1', 'I. Our commitment'], ['2', 'I. Our commitment']]);
  });

  it('takes the running title out of a web copy flattened onto one line, and reads its symbol from the title', () => {
    const body = ['United Nations A/RES/80/29 General Assembly Distr.: General 80/29. Conventional arms control at the regional',
      'and subregional levels The General Assembly, Recalling its resolutions on the subject, Aware that the preservation of a',
      'balance would contribute to peace, Conventional arms control at the regional and subregional levels Desirous of',
      'promoting agreements to strengthen regional peace, 1. Decides to give urgent consideration to the issues involved;',
      '2. Requests the Conference on Disarmament to consider the formulation of principles;'.padEnd(1600, ' ')].join(' ');
    const t = importText(body, { source: 'web.txt' });
    expect(t.symbol).toBe('A/RES/80/29');
    expect(t.preamble.map((p) => p.text.split(' ')[0])).toEqual(['Recalling', 'Aware', 'Desirous']);
    expect(t.preamble[1]?.text).toBe('Aware that the preservation of a balance would contribute to peace,');
  });

  it('reads working labels typed into a draft ("[PP3]", "OP5 bis.") as the paragraphs\' kind and number', () => {
    const t = importText(['The General Assembly,', '', '[PP1] Recalling its resolutions,', '', '[PP2] Noting the report,', '',
      'OP1. Decides to act;', '', 'OP1 bis. Requests a report;', '', 'OP2. Decides to remain seized of the matter.'].join('\n'),
    { source: 'zero-draft.txt' });
    expect(t.preamble.map((p) => p.text)).toEqual(['Recalling its resolutions,', 'Noting the report,']);
    expect(t.operative.map((p) => [p.number, p.text])).toEqual([
      ['1', 'Decides to act;'], ['1bis', 'Requests a report;'], ['2', 'Decides to remain seized of the matter.'],
    ]);
  });

  it('leaves out a static site\'s front matter and table of contents, and a draft\'s "Draft: not agreed" line from the title', () => {
    const t = importText(['---', 'title: Draft decision', 'edit: true', '---', '', '*Edited version of 6 November 2015*[^1]', '', '* TOC',
      '{:toc}', '', '*Draft: not agreed*', '', '*The Conference of the Parties*,', '', '*Recalling* decision 1/CP.17,', '',
      '1. *Decides* to adopt the Agreement;', '', '[^1]: Edited.'].join('\n'), { source: 'site.md', format: 'md' });
    expect(t.title).toBe('Edited version of 6 November 2015');
    expect(t.organ).toBe('The Conference of the Parties');
    expect(t.preamble.map((p) => p.text)).toEqual(['Recalling decision 1/CP.17,']);
  });

  it('reads what damaged extractions leave: the annex title on the "Annex" line, numbered lines run together, a lost number', () => {
    const t = importText(['The General Assembly,', '', '1. *Adopts* the Political Declaration annexed to the present resolution;', '',
      'Expresses its gratitude to the host country.', '', '48th plenary meeting', '',
      'Annex 2025 Political Declaration on Trafficking in Persons', '', '1. We welcome the Plan;',
      '2. We reaffirm our commitment;', '', '5. We recall the Compact.'].join('\n'), { source: 'a.md', format: 'md' });
    expect(t.operative.map((p) => [p.number, p.text.split(' ')[0]])).toEqual([['1', 'Adopts'], [null, 'Expresses']]);
    expect(t.annexes.map((a) => a.title)).toEqual(['2025 Political Declaration on Trafficking in Persons']);
    expect(t.annexes[0]?.paragraphs.map((p) => p.number)).toEqual(['1', '2', '5']);
  });

  it('takes an OCR\'d "(6)" for "(b)" only where "(b)" comes next', () => {
    const t = importText(['The Security Council,', '', 'Recalling its resolutions,', '', '1. Decides that all States shall:', '',
      '(a) Deny permission to any aircraft;', '', '(6) Prohibit the supply of aircraft;', '', '2. Decides to remain seized of the matter.'].join('\n'),
    { source: 'sc.txt' });
    expect(t.operative[0]?.items.map((i) => [i.label, i.text])).toEqual([['a', 'Deny permission to any aircraft;'], ['b', 'Prohibit the supply of aircraft;']]);
  });
});
