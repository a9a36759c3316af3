import { describe, expect, it } from 'vitest';
import { as, cofac, refusal, sampleNegotiation, textOf } from './fixture';
import { settleAdRef } from '../../shared/model/ad-ref';
import { accept, addAlternative, addFootnote, bracket, notRetain, reopen, replaceParagraphText, setStatus, unbracket } from '../../shared/model/facilitator-commands';
import { confirmAdRef, propose, withdraw } from '../../shared/model/proposal-commands';
import { closeSilence, openSilence } from '../../shared/model/silence-commands';

const DEADLINE = '2099-04-28T18:00:00Z';
const OPENED = '2099-04-20T10:00:00Z';

describe('agreed requires a clean paragraph', () => {
  it('refuses agreed and ad ref on bracketed text, listing the brackets', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    bracket(n, cofac, ids[3]!, 0, 5);
    const r = refusal(() => setStatus(n, cofac, ids[3]!, { state: 'agreed' }));
    expect(r.code).toBe('not-clean');
    expect(r.message).toBe('OP2 cannot be agreed while it is not clean: OP2: 1 bracket.');
    expect(r.openItems).toEqual([{ kind: 'brackets', label: 'OP2', reason: '1 bracket', count: 1, paragraphId: ids[3] }]);
    expect(refusal(() => setStatus(n, cofac, ids[3]!, { state: 'adref', pending: ['mexico'], deadline: null })).code).toBe('not-clean');
    unbracket(n, cofac, ids[3]!, 0);
    setStatus(n, cofac, ids[3]!, { state: 'agreed' });
    expect(n.table.paragraph(ids[3]!)!.status.state).toBe('agreed');
  });

  it('refuses agreed while a proposal on the paragraph is open, and allows it once decided', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const p = propose(n, as('mexico'), { kind: 'delete-paragraph', paragraphId: ids[2]! });
    const r = refusal(() => setStatus(n, cofac, ids[2]!, { state: 'agreed' }));
    expect(r.code).toBe('not-clean');
    expect(r.openItems.map((i) => [i.kind, i.reason])).toEqual([['proposal', 'open proposal by Mexico']]);
    // A new paragraph proposed after it does not change it.
    propose(n, as('canada'), { kind: 'new-paragraph', paragraphId: ids[2]!, paragraph: 'Decides also;' });
    notRetain(n, cofac, `mexico/${p.id}`);
    setStatus(n, cofac, ids[2]!, { state: 'agreed' });
  });

  it('refuses agreed on a paragraph with an alternative wording', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    addAlternative(n, cofac, ids[4]!, 'Requests a report.');
    expect(refusal(() => setStatus(n, cofac, ids[4]!, { state: 'agreed' })).openItems.map((i) => i.kind)).toEqual(['alternative']);
  });

  it('ad ref awaits only delegations on the roster, and is agreed only once settled', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const observer = refusal(() => setStatus(n, cofac, ids[0]!, { state: 'adref', pending: ['mexico', 'holy-see'], deadline: null }));
    expect(observer.code).toBe('not-a-delegation');
    expect(observer.message).toBe('Holy See is an observer; only delegations confirm ad ref.');
    expect(refusal(() => setStatus(n, cofac, ids[0]!, { state: 'adref', pending: ['cofacilitator'], deadline: null })).code).toBe('not-a-delegation');
    expect(refusal(() => setStatus(n, cofac, ids[0]!, { state: 'adref', pending: [], deadline: null })).code).toBe('invalid');
    setStatus(n, cofac, ids[0]!, { state: 'adref', pending: ['mexico', 'canada'], deadline: '2099-01-01T00:00:00Z' });
    const pending = refusal(() => setStatus(n, cofac, ids[0]!, { state: 'agreed' }));
    expect(pending.code).toBe('not-clean');
    expect(pending.message).toMatch(/ad ref pending for Canada, Mexico|ad ref pending for Mexico, Canada/);
    // Agreed ad ref text is frozen like agreed text.
    expect(refusal(() => replaceParagraphText(n, cofac, ids[0]!, 'x')).code).toBe('agreed-paragraph');
    confirmAdRef(n, as('mexico'), ids[0]!);
    confirmAdRef(n, as('canada'), ids[0]!);
    setStatus(n, cofac, ids[0]!, { state: 'agreed' });
    // After the deadline, silence means yes.
    setStatus(n, cofac, ids[1]!, { state: 'adref', pending: ['egypt'], deadline: '2021-01-01T00:00:00Z' });
    settleAdRef(n, cofac, ids[1]!, '2021-01-02T00:00:00Z');
    expect(n.table.paragraph(ids[1]!)!.status.state).toBe('agreed');
  });
});

describe('silence opens only on a clean text', () => {
  it('refuses a bracketed text, listing every open item', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    bracket(n, cofac, ids[3]!, 31, 38);
    expect(textOf(n, ids[3]!)).toBe('Urges Member States to protect [victims] and survivors;');
    propose(n, as('mexico'), { kind: 'delete-paragraph', paragraphId: ids[4]! });
    const r = refusal(() => openSilence(n, cofac, DEADLINE, OPENED));
    expect(r.code).toBe('text-not-clean');
    expect(r.openItems.map((i) => `${i.label}: ${i.reason}`)).toEqual(['OP2: 1 bracket', 'OP3: open proposal by Mexico']);
    expect(r.message).toMatch(/^The text is not clean: OP2: 1 bracket; OP3: open proposal by Mexico\./);
    expect(n.table.silence().state).toBe('none');
  });

  it('with the open items confirmed to stay open, passing at the deadline adopts none of them', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    bracket(n, cofac, ids[3]!, 31, 38);
    const p = propose(n, as('mexico'), { kind: 'delete-paragraph', paragraphId: ids[4]! });
    const silence = openSilence(n, cofac, DEADLINE, OPENED, { keepOpen: true });
    expect(silence.state === 'open' && [...silence.keptOpen!].sort()).toEqual([ids[3], ids[4]].sort());
    // The proposal is withdrawn under silence: its paragraph was kept open all the same.
    withdraw(n, as('mexico'), p.id);
    expect(closeSilence(n, cofac, null, DEADLINE).state).toBe('passed');
    expect(n.table.paragraphs().map((q) => q.status.state)).toEqual(['agreed', 'agreed', 'agreed', 'open', 'open']);
  });
});

describe('under silence the text cannot change', () => {
  it('refuses every change to text and statuses', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const p = propose(n, as('mexico'), { kind: 'replace', paragraphId: ids[3]!, from: 31, to: 38, text: 'persons' });
    openSilence(n, cofac, DEADLINE, OPENED, { keepOpen: true });
    for (const attempt of [
      () => accept(n, cofac, `mexico/${p.id}`),
      () => bracket(n, cofac, ids[0]!, 0, 4),
      () => replaceParagraphText(n, cofac, ids[0]!, 'x'),
      () => addFootnote(n, cofac, ids[0]!, 'A/RES/1'),
      () => setStatus(n, cofac, ids[0]!, { state: 'agreed' }),
      () => reopen(n, cofac, ids[0]!),
      () => addAlternative(n, cofac, ids[0]!, 'y'),
    ]) {
      expect(refusal(attempt).code).toBe('under-silence');
    }
    expect(textOf(n, ids[3]!)).toBe('Urges Member States to protect victims and survivors;');
  });
});
