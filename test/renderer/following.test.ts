import { describe, expect, it } from 'vitest';
import { setStatus } from '../../shared/model/facilitator-commands';
import { propose, setPosition } from '../../shared/model/proposal-commands';
import { listProposals, type ProposalView } from '../../shared/model/queries';
import { translator } from '../../renderer/i18n/translate';
import { readVisit, textHash, writeVisit } from '../../renderer/store/last-visit';
import { noticesBetween, stillStanding } from '../../renderer/ui/notices';
import { NO_FILTER, passesFilter } from '../../renderer/ui/paragraph-filter';
import { as, cofac, sampleNegotiation } from '../model/fixture';

const grouped = (views: ProposalView[]) => {
  const m = new Map<string, ProposalView[]>();
  for (const v of views) m.set(v.proposal.paragraphId, [...(m.get(v.proposal.paragraphId) ?? []), v]);
  return m;
};

describe('following the negotiation', () => {
  it('notifies a delegation of proposals and positions on its paragraphs, and of an ad ref awaiting its capital, once each', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const mine = propose(n, as('mexico'), { kind: 'insert', paragraphId: ids[3]!, from: 52, to: 52, text: ' all' });
    const context = { own: 'mexico', confirmed: new Map(), labelOf: (id: string) => (id === ids[3] ? 'OP2' : 'OP1'), nameOf: (id: string) => id[0]!.toUpperCase() + id.slice(1), t: translator('en') };
    const first = grouped(listProposals(n));
    expect(noticesBetween(null, first, { ...context, paragraphs: n.table.paragraphs() })).toEqual([]);
    propose(n, as('canada'), { kind: 'delete', paragraphId: ids[3]!, from: 0, to: 5 });
    setPosition(n, as('egypt'), `mexico/${mine.id}`, 'oppose');
    setStatus(n, cofac, ids[2]!, { state: 'adref', pending: ['mexico'], deadline: null });
    const second = grouped(listProposals(n));
    const notices = noticesBetween(first, second, { ...context, paragraphs: n.table.paragraphs() });
    expect(notices.map((x) => x.text).sort()).toEqual(['New proposal by Canada on OP2, where you proposed', 'OP1 is agreed ad ref and awaits your capital\'s confirmation', 'Positions changed on your proposal on OP2'].sort());
    expect(noticesBetween(second, second, { ...context, paragraphs: n.table.paragraphs() }).map((x) => x.id)).toEqual(notices.filter((x) => x.id.startsWith('adref')).map((x) => x.id));
    // Once the capital has confirmed, the ad ref notice goes; the others stay until dismissed.
    const after = noticesBetween(second, second, { ...context, confirmed: new Map([[ids[2]!, ['mexico']]]), paragraphs: n.table.paragraphs() });
    expect(after).toEqual([]);
    expect(stillStanding(notices, after).map((x) => x.text).sort()).toEqual(['New proposal by Canada on OP2, where you proposed', 'Positions changed on your proposal on OP2']);
  });

  it('tells anyone of new proposals on the paragraphs they follow, never of their own', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const context = { confirmed: new Map(), labelOf: () => 'OP3', nameOf: (id: string) => id[0]!.toUpperCase() + id.slice(1), t: translator('en'), followed: new Set([ids[4]!]) };
    const first = grouped(listProposals(n));
    propose(n, as('canada'), { kind: 'delete', paragraphId: ids[4]!, from: 0, to: 8 });
    propose(n, as('mexico'), { kind: 'delete', paragraphId: ids[4]!, from: 9, to: 12 });
    propose(n, as('canada'), { kind: 'delete', paragraphId: ids[3]!, from: 0, to: 5 });
    const second = grouped(listProposals(n));
    expect(noticesBetween(first, second, { ...context, own: null, paragraphs: n.table.paragraphs() }).map((x) => x.text)).toEqual(['New proposal by Canada on OP3, which you follow', 'New proposal by Mexico on OP3, which you follow']);
    expect(noticesBetween(first, second, { ...context, own: 'mexico', paragraphs: n.table.paragraphs() }).map((x) => x.text)).toEqual(['New proposal by Canada on OP3, where you proposed']);
    expect(noticesBetween(first, second, { ...context, followed: new Set(), own: null, paragraphs: n.table.paragraphs() })).toEqual([]);
  });

  it('filters paragraphs by state, delegation and kind of proposal', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    propose(n, as('canada'), { kind: 'delete', paragraphId: ids[3]!, from: 0, to: 5 });
    setPosition(n, as('egypt'), listProposals(n)[0]!.key, 'support');
    const views = grouped(listProposals(n));
    const shown = (f: typeof NO_FILTER) => n.table.paragraphs().filter((p) => passesFilter(p, views.get(p.id) ?? [], false, f)).map((p) => p.id);
    expect(shown(NO_FILTER)).toHaveLength(5);
    expect(shown({ ...NO_FILTER, state: 'discussed' })).toEqual([ids[3]]);
    expect(shown({ ...NO_FILTER, state: 'not-discussed' })).toHaveLength(4);
    expect(shown({ ...NO_FILTER, delegation: 'egypt' })).toEqual([ids[3]]);
    expect(shown({ ...NO_FILTER, delegation: 'mexico' })).toEqual([]);
    expect(shown({ ...NO_FILTER, kind: 'insert' })).toEqual([]);
  });

  it('remembers what was seen, per negotiation', () => {
    const kept = new Map<string, string>();
    const storage = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) };
    expect(readVisit(storage, 'n1')).toBeNull();
    writeVisit(storage, 'n1', { p1: 'Decides to convene;' });
    expect(readVisit(storage, 'n1')).toEqual({ p1: textHash('Decides to convene;') });
    expect(textHash('Decides to convene;')).not.toBe(textHash('Decides to convene a meeting;'));
  });
});
