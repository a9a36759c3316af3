import { describe, expect, it } from 'vitest';
import { cofac, as, observer, refusal, sampleNegotiation, textOf } from './fixture';
import { accept, addAlternative, bracket, deleteParagraph, merge, moveParagraph, notRetain, reopen, setStatus, unbracket } from '../../shared/model/facilitator-commands';
import { confirmAdRef, draftProposal, propose, setPosition, submitDraft, withdraw } from '../../shared/model/proposal-commands';
import { currentLabels, listProposals, needsReview } from '../../shared/model/queries';
import { replaceParagraphText } from '../../shared/model/facilitator-commands';


describe('proposals', () => {
  it('a delegation proposes to replace words; accepting applies them and records the decision', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const text = textOf(n, ids[3]!);
    const from = text.indexOf('victims and survivors');
    const p = propose(n, as('mexico'), { kind: 'replace', paragraphId: ids[3]!, from, to: from + 'victims and survivors'.length, text: 'all victims', rationale: 'shorter', source: 'A/RES/78/228, OP3' });
    expect(p.author).toBe('mexico');
    expect(p.anchor?.quote).toBe('victims and survivors');
    accept(n, cofac, `mexico/${p.id}`);
    expect(textOf(n, ids[3]!)).toBe('Urges Member States to protect all victims;');
    expect(listProposals(n)[0]).toMatchObject({ key: `mexico/${p.id}`, state: 'accepted' });
  });

  it('inserts and deletes words at their anchors even after the text moved around them', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const t = textOf(n, ids[2]!);
    const ins = propose(n, as('canada'), { kind: 'insert', paragraphId: ids[2]!, from: t.indexOf(' in 2021'), text: ' on trafficking' });
    const del = propose(n, as('australia'), { kind: 'delete', paragraphId: ids[2]!, from: t.indexOf('high-level '), to: t.indexOf('high-level ') + 'high-level '.length });
    replaceParagraphText(n, cofac, ids[0]!, 'Recalling all its resolutions,');
    accept(n, cofac, `australia/${del.id}`);
    accept(n, cofac, `canada/${ins.id}`);
    expect(textOf(n, ids[2]!)).toBe('Decides to convene a meeting on trafficking in 2021;');
  });

  it('flags a proposal whose quoted words changed, and refuses to apply it', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const t = textOf(n, ids[4]!);
    const p = propose(n, as('mexico'), { kind: 'replace', paragraphId: ids[4]!, from: t.indexOf('progress'), to: t.indexOf('progress') + 8, text: 'implementation' });
    const run = n.table.textFragment(ids[4]!);
    expect(needsReview(n, p)).toBe(false);
    replaceParagraphText(n, cofac, ids[4]!, 'Requests the Secretary-General to report annually.');
    expect(run.length).toBeGreaterThan(0);
    expect(needsReview(n, p)).toBe(true);
    expect(refusal(() => accept(n, cofac, `mexico/${p.id}`)).code).toBe('needs-review');
    expect(textOf(n, ids[4]!)).toBe('Requests the Secretary-General to report annually.');
  });

  it('new paragraphs are "bis", alternatives "Alt 1", and the labels follow moves and deletions', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const bis = propose(n, as('european-union'), { kind: 'new-paragraph', paragraphId: ids[2]!, paragraph: 'Decides also to hold two panels;' });
    const alt = propose(n, as('egypt'), { kind: 'alternative', paragraphId: ids[3]!, paragraph: 'Calls upon States to assist victims;' });
    accept(n, cofac, `european-union/${bis.id}`);
    accept(n, cofac, `egypt/${alt.id}`);
    const labels = [...currentLabels(n).values()];
    expect(labels).toEqual(['PP1', 'PP2', 'OP1', 'OP1 bis', 'OP2', 'OP2 Alt 1', 'OP3']);
    moveParagraph(n, cofac, ids[4]!, ids[2]!);
    expect(currentLabels(n).get(ids[4]!)).toBe('OP2');
    deleteParagraph(n, cofac, ids[2]!);
    expect(n.table.paragraph(ids[2]!)!.status).toEqual({ state: 'deleted', inEpoch: 0 });
  });

  it('speaking on behalf of a group is allowed only to its chair', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const p = propose(n, as('egypt'), { kind: 'delete-paragraph', paragraphId: ids[1]!, onBehalfOf: 'g77' });
    expect(p.onBehalfOf).toBe('g77');
    expect(refusal(() => propose(n, as('mexico'), { kind: 'delete-paragraph', paragraphId: ids[1]!, onBehalfOf: 'g77' })).message).toMatch(/Mexico does not speak for Group of 77/);
  });

  it('drafts stay in the private document until submitted', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const d = draftProposal(n, as('mexico'), { kind: 'delete-paragraph', paragraphId: ids[0]! });
    expect(listProposals(n)).toHaveLength(0);
    expect(n.private('mexico').drafts()).toHaveLength(1);
    submitDraft(n, as('mexico'), d.id);
    expect(listProposals(n).map((v) => v.key)).toEqual([`mexico/${d.id}`]);
    expect(n.private('mexico').drafts()).toHaveLength(0);
  });

  it('positions are registered per delegation; withdrawing closes a proposal', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const p = propose(n, as('mexico'), { kind: 'delete-paragraph', paragraphId: ids[0]! });
    const key = `mexico/${p.id}`;
    setPosition(n, as('canada'), key, 'support');
    setPosition(n, as('australia'), key, 'support');
    setPosition(n, as('egypt'), key, 'oppose');
    setPosition(n, as('european-union'), key, 'pending-instructions');
    expect(listProposals(n)[0]!.positions).toEqual({ support: ['australia', 'canada'], oppose: ['egypt'], reserve: [], 'pending-instructions': ['european-union'] });
    expect(refusal(() => setPosition(n, as('mexico'), key, 'support')).code).toBe('invalid');
    withdraw(n, as('mexico'), p.id);
    expect(listProposals(n)[0]!.state).toBe('withdrawn');
    expect(refusal(() => withdraw(n, as('canada'), p.id)).code).toBe('not-found');
  });

  it('merge and not retained record the decisions', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const a = propose(n, as('mexico'), { kind: 'alternative', paragraphId: ids[4]!, paragraph: 'Requests a report.', at: '2021-03-01T10:00:00Z' });
    const b = propose(n, as('canada'), { kind: 'alternative', paragraphId: ids[4]!, paragraph: 'Requests an annual report.', at: '2021-03-01T10:01:00Z' });
    const c = propose(n, as('egypt'), { kind: 'delete-paragraph', paragraphId: ids[4]!, at: '2021-03-01T10:02:00Z' });
    merge(n, cofac, [`mexico/${a.id}`, `canada/${b.id}`], ids[4]!, 'Requests the Secretary-General to report annually.');
    notRetain(n, cofac, `egypt/${c.id}`, 'no support');
    expect(listProposals(n).map((v) => v.state)).toEqual(['merged', 'merged', 'not-retained']);
    expect(textOf(n, ids[4]!)).toBe('Requests the Secretary-General to report annually.');
  });
});

describe('refusals', () => {
  it('a delegation cannot accept, bracket or set statuses; an observer cannot propose', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const p = propose(n, as('mexico'), { kind: 'delete-paragraph', paragraphId: ids[0]! });
    expect(refusal(() => accept(n, as('canada'), `mexico/${p.id}`)).message).toBe('Only the co-facilitators can accept proposals.');
    expect(refusal(() => bracket(n, as('canada'), ids[0]!, 0, 5)).code).toBe('not-allowed');
    expect(refusal(() => setStatus(n, as('canada'), ids[0]!, { state: 'agreed' })).code).toBe('not-allowed');
    expect(refusal(() => propose(n, observer, { kind: 'delete-paragraph', paragraphId: ids[0]! })).message).toMatch(/Observers/);
    expect(refusal(() => propose(n, cofac, { kind: 'delete-paragraph', paragraphId: ids[0]! })).message).toMatch(/Only a delegation/);
    expect(refusal(() => propose(n, as('atlantis'), { kind: 'delete-paragraph', paragraphId: ids[0]! })).message).toMatch(/not on the roster/);
  });

  it('nobody edits an agreed paragraph without reopening it', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    setStatus(n, cofac, ids[2]!, { state: 'agreed' });
    expect(refusal(() => replaceParagraphText(n, cofac, ids[2]!, 'x')).message).toBe('OP1 is agreed; reopen it explicitly before changing it.');
    expect(refusal(() => propose(n, as('mexico'), { kind: 'delete-paragraph', paragraphId: ids[2]! })).code).toBe('agreed-paragraph');
    expect(refusal(() => setStatus(n, cofac, ids[2]!, { state: 'open' })).code).toBe('agreed-paragraph');
    reopen(n, cofac, ids[2]!);
    replaceParagraphText(n, cofac, ids[2]!, 'Decides to meet;');
    expect(textOf(n, ids[2]!)).toBe('Decides to meet;');
  });

  it('bad input names the problem', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    expect(refusal(() => propose(n, as('mexico'), { kind: 'replace', paragraphId: ids[0]!, from: 3, to: 3, text: 'x' })).message).toMatch(/select at least one/);
    expect(refusal(() => propose(n, as('mexico'), { kind: 'insert', paragraphId: ids[0]!, from: 3 })).message).toMatch(/needs the words/);
    expect(refusal(() => propose(n, as('mexico'), { kind: 'delete-paragraph', paragraphId: 'nope' })).message).toBe('There is no paragraph nope.');
    expect(refusal(() => propose(n, as('mexico'), { kind: 'delete', paragraphId: ids[0]!, from: 0, to: 999 })).message).toMatch(/within one paragraph/);
  });
});

describe('brackets and statuses', () => {
  it('brackets and unbrackets words, nested', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const t = textOf(n, ids[3]!);
    const s = t.indexOf('victims and survivors');
    bracket(n, cofac, ids[3]!, s, s + 'victims and survivors'.length);
    bracket(n, cofac, ids[3]!, s + 'victims '.length + 1, s + 'victims and survivors'.length + 1);
    expect(textOf(n, ids[3]!)).toBe('Urges Member States to protect [victims [and survivors]];');
    unbracket(n, cofac, ids[3]!, s);
    expect(textOf(n, ids[3]!)).toBe('Urges Member States to protect victims [and survivors];');
    expect(() => unbracket(n, cofac, ids[3]!, 0)).toThrow(/no opening bracket/);
  });

  it('ad ref names pending delegations who confirm in their own documents', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    setStatus(n, cofac, ids[0]!, { state: 'adref', pending: ['mexico'], deadline: '2021-04-28T18:00:00Z' });
    confirmAdRef(n, as('mexico'), ids[0]!, '2021-04-28T10:00:00Z');
    expect(n.delegation('mexico').adRefMap.get(ids[0]!)).toEqual({ confirmedAt: '2021-04-28T10:00:00Z' });
    expect(() => confirmAdRef(n, as('mexico'), ids[1]!)).toThrow(/not agreed ad ref/);
    expect(() => setStatus(n, cofac, ids[1]!, { state: 'adref', pending: ['atlantis'], deadline: null })).toThrow(/not on the roster/);
  });

  it('rich text keeps the italic lead through edits', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const t = textOf(n, ids[2]!);
    const p = propose(n, as('mexico'), { kind: 'insert', paragraphId: ids[2]!, from: t.indexOf(' in 2021'), text: ' soon' });
    accept(n, cofac, `mexico/${p.id}`);
    const json = n.table.paragraph(ids[2]!)!.text;
    expect(json.content[0]!.content![0]).toEqual({ type: 'text', text: 'Decides', marks: [{ type: 'lead' }] });
  });
});

describe('alternatives', () => {
  it('co-facilitators add alternatives directly', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    addAlternative(n, cofac, ids[3]!, 'Urges States to protect victims;');
    addAlternative(n, cofac, ids[3]!, 'Calls upon States to protect victims;');
    expect([...currentLabels(n).values()].slice(3)).toEqual(['OP2', 'OP2 Alt 1', 'OP2 Alt 2', 'OP3']);
  });
});
