import { describe, expect, it } from 'vitest';
import { as, cofac, sampleNegotiation } from './fixture';
import { cleanText, withFinalPunctuation } from '../../shared/model/clean-text';
import { formatCleanText } from '../../shared/model/clean-format';
import { compilation, formatCompilation } from '../../shared/model/compilation';
import { accept, addAlternative, bracket, deleteParagraph, unbracket } from '../../shared/model/facilitator-commands';
import { propose, setPosition } from '../../shared/model/proposal-commands';
import { decodePenholderFile, encodePenholderFile } from '../../shared/model/penholder-file';
import { createNegotiation } from '../../shared/model/create-negotiation';
import { richText } from '../../shared/text/rich-text';

describe('clean text', () => {
  it('refuses while text is bracketed or proposals are open, listing them by label', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    bracket(n, cofac, ids[3]!, 6, 19);
    propose(n, as('egypt'), { kind: 'delete-paragraph', paragraphId: ids[4]!, onBehalfOf: 'g77' });
    addAlternative(n, cofac, ids[2]!, 'Decides to meet;');
    expect(() => cleanText(n)).toThrow(/OP1 Alt 1: alternative wording not yet settled\n {2}OP2: 1 bracket\n {2}OP3: open proposal by Egypt on behalf of the Group of 77 and China/);
    const draft = formatCleanText(cleanText(n, { draft: true }), 'txt');
    expect(draft).toContain('[OP2] Urges [Member States] to protect victims and survivors;');
    expect(draft).toContain('[OP1 Alt 1] Decides to meet;');
  });

  it('applies the drafting rules: commas, semicolons, the last full stop, renumbering, sub-items', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    deleteParagraph(n, cofac, ids[3]!);
    const t = n.table;
    t.doc.transact(() => {
      t.createParagraph('extra', { kind: 'operative', addedInEpoch: 0, text: richText({ text: 'Decides further that:', lead: 'Decides further', items: [{ text: 'the meeting shall be short', items: [{ text: 'one day', items: [] }] }, { text: 'the declaration shall be brief.', items: [] }] }) });
      t.orderArray.push(['extra']);
    });
    const clean = cleanText(n);
    expect(clean.paragraphs.map((p) => [p.number, p.text])).toEqual([
      [null, 'Recalling its resolution 64/293 of 30 July 2010,'],
      [null, 'Reaffirming the commitment to end trafficking in persons,'],
      ['1', 'Decides to convene a high-level meeting in 2021;'],
      ['2', 'Requests the Secretary-General to report on progress;'],
      ['3', 'Decides further that:'],
    ]);
    expect(clean.paragraphs[4]!.items.map((i) => [i.label, i.text])).toEqual([['(a)', 'the meeting shall be short'], ['(b)', 'the declaration shall be brief.']]);
    expect(clean.paragraphs[4]!.items[0]!.items[0]!.label).toBe('(i)');
    const html = formatCleanText(clean, 'html');
    expect(html).toContain('<i>Recalling</i> its resolution');
  });

  it('does not number a single operative paragraph, and uses French item labels', () => {
    const n = createNegotiation({ title: 'T', language: 'fr' });
    n.table.doc.transact(() => {
      n.table.createParagraph('a', { kind: 'operative', addedInEpoch: 0, text: richText({ text: 'Décide que :', items: [{ text: 'la réunion aura lieu', items: [] }] }) });
      n.table.orderArray.push(['a']);
    });
    const clean = cleanText(n);
    expect(clean.paragraphs[0]!.number).toBeNull();
    expect(clean.paragraphs[0]!.items[0]).toMatchObject({ label: 'a)', text: 'la réunion aura lieu.' });
  });

  it('puts the final mark in place of the one there, keeping a French space', () => {
    expect(withFinalPunctuation('en décembre 2021 ;', '.')).toBe('en décembre 2021 .');
    expect(withFinalPunctuation('in 2021', ';')).toBe('in 2021;');
    expect(withFinalPunctuation('as follows:', ';')).toBe('as follows:');
  });

  it('cleans again once brackets are removed and proposals decided', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    bracket(n, cofac, ids[3]!, 6, 20);
    const p = propose(n, as('mexico'), { kind: 'delete-paragraph', paragraphId: ids[4]! });
    unbracket(n, cofac, ids[3]!, 6);
    accept(n, cofac, `mexico/${p.id}`);
    expect(cleanText(n).paragraphs.map((q) => q.number)).toEqual([null, null, '1', '2']);
    expect(cleanText(n).paragraphs[3]!.text).toBe('Urges Member States to protect victims and survivors.');
  });
});

describe('compilation text', () => {
  it('lists each proposal with its wording, authors, supporters, opponents and decision', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const p = propose(n, as('egypt'), { kind: 'replace', paragraphId: ids[3]!, from: 31, to: 52, text: 'all victims', onBehalfOf: 'g77', source: 'A/RES/78/228, OP3' });
    setPosition(n, as('canada'), `egypt/${p.id}`, 'support');
    setPosition(n, as('european-union'), `egypt/${p.id}`, 'oppose');
    const c = compilation(n);
    expect(c[3]!.proposals[0]).toMatchObject({ author: 'Egypt on behalf of the Group of 77 and China', supporters: ['Canada'], opponents: ['European Union'], state: 'open', wording: [{ op: 'delete', text: 'victims and survivors' }, { op: 'insert', text: 'all victims' }] });
    const md = formatCompilation(n, c, 'md');
    expect(md).toContain('- **Egypt on behalf of the Group of 77 and China**: replace: ~~victims and survivors~~ **all victims**; supported by Canada; opposed by European Union; agreed language: A/RES/78/228, OP3; decision: open');
    expect(formatCompilation(n, c, 'html')).toContain('<del>victims and survivors</del> <ins>all victims</ins>');
  });
});

describe('.penholder file', () => {
  it('round-trips every document, and names what is wrong with a bad file', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const p = propose(n, as('mexico'), { kind: 'delete-paragraph', paragraphId: ids[0]! });
    const back = decodePenholderFile(encodePenholderFile(n));
    expect(back.id).toBe('sample');
    expect(back.table.paragraphs().map((q) => q.text)).toEqual(n.table.paragraphs().map((q) => q.text));
    expect(back.delegation('mexico').proposals()).toEqual([p]);
    expect(() => decodePenholderFile('nope')).toThrow('This is not a Penholder file (it is not JSON).');
    expect(() => decodePenholderFile('{"format":"penholder","version":9}')).toThrow(/version 9/);
    expect(() => decodePenholderFile('{"format":"penholder","version":1,"id":"x","documents":{"table":"!!!"}}')).toThrow(/damaged/);
    const sealed = JSON.parse(encodePenholderFile(n)) as { documents: Record<string, string> };
    const table = sealed.documents.table!;
    sealed.documents.table = table.slice(0, 40) + (table[40] === 'A' ? 'B' : 'A') + table.slice(41);
    expect(() => decodePenholderFile(JSON.stringify(sealed))).toThrow('This Penholder file is damaged: its contents do not match its checksum.');
  });
});
