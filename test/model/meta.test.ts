import { describe, expect, it } from 'vitest';
import { as, cofac, sampleNegotiation } from './fixture';
import { setDelegationCode, setGroupChair, updateMeta } from '../../shared/model/meta-commands';
import { propose } from '../../shared/model/proposal-commands';
import { addDelegation } from '../../shared/model/create-negotiation';

describe('metadata and roster', () => {
  it('co-facilitators set the target length and dates; bad values are named', () => {
    const { negotiation: n } = sampleNegotiation();
    updateMeta(n, cofac, { targetWords: 1500, dates: { adoption: '2021-11-22' }, symbol: 'A/76/L.7' });
    expect(n.table.meta()).toMatchObject({ targetWords: 1500, dates: { adoption: '2021-11-22' }, symbol: 'A/76/L.7' });
    expect(() => updateMeta(n, cofac, { targetWords: -3 })).toThrow('The target length must be a whole number of words, not -3.');
    expect(() => updateMeta(n, cofac, { dates: { adoption: 'soon' } })).toThrow(/is not a date/);
    expect(() => updateMeta(n, cofac, { title: '  ' })).toThrow(/needs a title/);
    expect(() => updateMeta(n, as('mexico'), { title: 'Mine' })).toThrow(/Only the co-facilitators/);
  });

  it('the group chair passes to another delegation, who may then speak for the group', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    setGroupChair(n, cofac, 'g77', 'mexico');
    expect(propose(n, as('mexico'), { kind: 'delete-paragraph', paragraphId: ids[0]!, onBehalfOf: 'g77' }).onBehalfOf).toBe('g77');
    expect(() => propose(n, as('egypt'), { kind: 'delete-paragraph', paragraphId: ids[0]!, onBehalfOf: 'g77' })).toThrow(/does not speak for/);
    expect(() => setGroupChair(n, cofac, 'mexico', 'egypt')).toThrow(/not a group/);
    expect(() => addDelegation(n, as('mexico'), { name: 'Peru' })).toThrow(/Only the co-facilitators/);
    expect(addDelegation(n, cofac, { name: 'mexico' }).id).toBe('mexico');
  });

  it('co-facilitators give a delegation its code, change it or take it away; a bad code is named', () => {
    const { negotiation: n } = sampleNegotiation();
    setDelegationCode(n, cofac, 'canada', ' can ');
    expect(n.table.delegation('canada')?.code).toBe('CAN');
    setDelegationCode(n, cofac, 'canada', '');
    expect(n.table.delegation('canada')).not.toHaveProperty('code');
    expect(() => setDelegationCode(n, cofac, 'canada', 'C A N')).toThrow(/is not a code/);
    expect(() => setDelegationCode(n, cofac, 'peru', 'PER')).toThrow(/not on the roster/);
    expect(() => setDelegationCode(n, as('mexico'), 'mexico', 'MEX')).toThrow(/Only the co-facilitators/);
  });
});

describe('ad ref', () => {
  it('settles once every pending capital confirmed, or when the deadline passed', async () => {
    const { setStatus } = await import('../../shared/model/facilitator-commands');
    const { confirmAdRef, support, oppose } = await import('../../shared/model/proposal-commands');
    const { adRefProgress, settleAdRef } = await import('../../shared/model/ad-ref');
    const { negotiation: n, ids } = sampleNegotiation();
    setStatus(n, cofac, ids[0]!, { state: 'adref', pending: ['mexico', 'canada'], deadline: '2021-04-28T18:00:00Z' });
    confirmAdRef(n, as('mexico'), ids[0]!);
    expect(adRefProgress(n, ids[0]!, '2021-04-28T12:00:00Z')).toEqual({ pending: ['canada'], confirmed: ['mexico'], deadline: '2021-04-28T18:00:00Z', settled: false });
    expect(() => settleAdRef(n, cofac, ids[0]!, '2021-04-28T12:00:00Z')).toThrow('Still pending: Canada (until 2021-04-28T18:00:00Z).');
    settleAdRef(n, cofac, ids[0]!, '2021-04-28T18:00:01Z');
    expect(n.table.paragraph(ids[0]!)!.status).toEqual({ state: 'agreed' });
    setStatus(n, cofac, ids[1]!, { state: 'adref', pending: ['canada'], deadline: null });
    confirmAdRef(n, as('canada'), ids[1]!);
    settleAdRef(n, cofac, ids[1]!);
    expect(n.table.paragraph(ids[1]!)!.status).toEqual({ state: 'agreed' });
    const p = propose(n, as('mexico'), { kind: 'delete-paragraph', paragraphId: ids[2]! });
    support(n, as('canada'), `mexico/${p.id}`);
    oppose(n, as('egypt'), `mexico/${p.id}`);
    expect(n.delegation('canada').position(`mexico/${p.id}`)?.stance).toBe('support');
    expect(n.delegation('egypt').position(`mexico/${p.id}`)?.stance).toBe('oppose');
  });
});

describe('footnotes', () => {
  it('co-facilitators add and edit footnotes; the clean text numbers them in order', async () => {
    const { addFootnote, editFootnote } = await import('../../shared/model/facilitator-commands');
    const { cleanText } = await import('../../shared/model/clean-text');
    const { negotiation: n, ids } = sampleNegotiation();
    const second = addFootnote(n, cofac, ids[1]!, 'A/RES/72/1.');
    const first = addFootnote(n, cofac, ids[0]!, 'A/RES/64/293.');
    editFootnote(n, cofac, second, 'Resolution 72/1, annex.');
    const clean = cleanText(n);
    expect(clean.paragraphs.slice(0, 2).map((p) => p.footnotes)).toEqual([['1'], ['2']]);
    expect(clean.footnotes).toEqual([{ mark: '1', text: 'A/RES/64/293.' }, { mark: '2', text: 'Resolution 72/1, annex.' }]);
    expect(n.table.footnotes()[first]).toBe('A/RES/64/293.');
    expect(() => addFootnote(n, as('mexico'), ids[0]!, 'x')).toThrow(/Only the co-facilitators/);
    expect(() => editFootnote(n, cofac, 'fn-nope', 'x')).toThrow(/no footnote fn-nope/);
    expect(() => addFootnote(n, cofac, ids[0]!, ' ')).toThrow(/needs its text/);
  });
});
