import { describe, expect, it } from 'vitest';
import { cofac, as, refusal, sampleNegotiation, textOf } from './fixture';
import { accept, bracket } from '../../shared/model/facilitator-commands';
import { compilation } from '../../shared/model/compilation';
import { propose, setPosition } from '../../shared/model/proposal-commands';
import { isProposal } from '../../shared/model/stored-values';
import { listProposals } from '../../shared/model/queries';
import { spanEdit } from '../../shared/model/proposal-edits';
import { formatInlineCompilation, inlineCompilation } from '../../shared/export/inline-compilation';
import { openSilence } from '../../shared/model/silence-commands';

/** OP2: "Urges Member States to protect victims and survivors;" and the offsets of some of its words. */
const op2 = (words: string) => {
  const { negotiation: n, ids } = sampleNegotiation();
  const id = ids[3]!;
  const from = textOf(n, id).indexOf(words);
  return { n, id, from, to: from + words.length };
};

describe('a delegation proposes to bracket words', () => {
  it('is its own kind: the words quoted, nothing to insert; accepted, exactly those words stand in brackets', () => {
    const { n, id, from, to } = op2('victims and survivors');
    const p = propose(n, as('mexico'), { kind: 'bracket', paragraphId: id, from, to, text: 'ignored' });
    expect(p).toMatchObject({ kind: 'bracket', text: null, anchor: { quote: 'victims and survivors' } });
    expect(isProposal(p)).toBe(true);
    expect(spanEdit(n.table, p)?.after).toBe('Urges Member States to protect [victims and survivors];');
    accept(n, cofac, `mexico/${p.id}`);
    expect(textOf(n, id)).toBe('Urges Member States to protect [victims and survivors];');
    expect(listProposals(n)[0]).toMatchObject({ state: 'accepted' });
  });

  it('leaves the bracketed words, and the proposals anchored in them, as they were', () => {
    const { n, id, from, to } = op2('victims and survivors');
    const t = textOf(n, id);
    const inside = propose(n, as('canada'), { kind: 'replace', paragraphId: id, from: t.indexOf('survivors'), to: t.indexOf('survivors') + 9, text: 'their families' });
    const p = propose(n, as('mexico'), { kind: 'bracket', paragraphId: id, from, to });
    accept(n, cofac, `mexico/${p.id}`);
    accept(n, cofac, `canada/${inside.id}`);
    expect(textOf(n, id)).toBe('Urges Member States to protect [victims and their families];');
  });

  it('refuses what cannot be bracketed, saying why', () => {
    const { n, id, from } = op2('victims');
    expect(refusal(() => propose(n, as('mexico'), { kind: 'bracket', paragraphId: id, from, to: from })).message).toMatch(/select at least one/);
    bracket(n, cofac, id, from, from + 'victims'.length); // "… protect [victims] and survivors;"
    const t = textOf(n, id);
    const inner = t.indexOf('victims');
    expect(refusal(() => propose(n, as('mexico'), { kind: 'bracket', paragraphId: id, from: inner, to: inner + 7 })).message).toMatch(/already in brackets/);
    expect(refusal(() => propose(n, as('mexico'), { kind: 'bracket', paragraphId: id, from: inner - 1, to: inner + 8 })).message).toMatch(/already in brackets/);
    expect(refusal(() => propose(n, as('mexico'), { kind: 'bracket', paragraphId: id, from: inner, to: t.indexOf(' survivors') })).message).toMatch(/do not hold both ends/);
    // Brackets that pair up inside the words nest soundly.
    const whole = t.indexOf('[victims] and survivors');
    propose(n, as('mexico'), { kind: 'bracket', paragraphId: id, from: whole, to: whole + '[victims] and survivors'.length });
    expect(refusal(() => propose(n, cofac, { kind: 'bracket', paragraphId: id, from: whole, to: whole + 3 })).code).toBe('not-allowed');
  });

  it('is shown as bracketing in the compilation text, both layouts, and keeps the text from silence as an open item', () => {
    const { n, id, from, to } = op2('and survivors');
    const p = propose(n, as('mexico'), { kind: 'bracket', paragraphId: id, from, to });
    setPosition(n, as('canada'), `mexico/${p.id}`, 'support');
    const compiled = compilation(n).find((x) => x.id === id)!.proposals[0]!;
    expect(compiled).toMatchObject({ kind: 'bracket', wording: [{ op: 'insert', text: '[' }, { op: 'equal', text: 'and survivors' }, { op: 'insert', text: ']' }], supporters: ['Canada'] });
    const md = formatInlineCompilation(n, inlineCompilation(n), 'md');
    expect(md).toContain('protect victims and survivors [In brackets: [and survivors] – Mexico; supported by Canada];');
    expect(formatInlineCompilation(n, inlineCompilation(n), 'md', 'fr')).toContain('[Entre crochets: [and survivors] – Mexico; appuyé par Canada]');
    expect(refusal(() => openSilence(n, cofac, '2099-04-28T18:00:00Z')).message).toMatch(/OP2/);
  });

  it('is dropped by readers when a client stores it without the words it brackets', () => {
    const { n, id, from, to } = op2('victims');
    const p = propose(n, as('mexico'), { kind: 'bracket', paragraphId: id, from, to });
    expect(isProposal({ ...p, anchor: null })).toBe(false);
  });
});
