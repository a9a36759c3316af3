import { describe, expect, it } from 'vitest';
import { as, cofac, sampleNegotiation } from './fixture';
import { cleanText } from '../../shared/model/clean-text';
import { compilation } from '../../shared/model/compilation';
import { setStatus } from '../../shared/model/facilitator-commands';
import { adRefProgress } from '../../shared/model/ad-ref';
import { confirmAdRef, propose } from '../../shared/model/proposal-commands';
import { listProposals } from '../../shared/model/queries';
import { openSilence, silenceObjections } from '../../shared/model/silence-commands';
import type { Proposal } from '../../shared/model/proposal';

describe('a delegation document written by a buggy or hostile client', () => {
  it('hides malformed entries and never attributes a proposal to another delegation', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const good = propose(n, as('mexico'), { kind: 'delete-paragraph', paragraphId: ids[0]! });
    const mexico = n.delegation('mexico');
    const hostile = mexico.proposalsMap as unknown as import('yjs').Map<unknown>;
    hostile.set('garbage', 42);
    hostile.set('null', null);
    hostile.set('half', { id: 'half', kind: 'replace', author: 'mexico' });
    hostile.set('forged', { ...good, id: 'forged', author: 'canada' } satisfies Proposal);
    hostile.set('bad-anchor', { ...good, id: 'bad-anchor', kind: 'replace', anchor: { start: { nope: 1 }, end: { nope: 2 }, quote: 'x' }, text: 'y' } satisfies Proposal);
    (mexico.positionsMap as unknown as import('yjs').Map<unknown>).set(`canada/x`, 'support');
    (mexico.adRefMap as unknown as import('yjs').Map<unknown>).set(ids[1]!, true);
    const keys = listProposals(n).map((v) => v.key);
    expect(keys.sort()).toEqual([`mexico/${good.id}`, 'mexico/bad-anchor'].sort());
    expect(listProposals(n).find((v) => v.key === 'mexico/bad-anchor')!.needsReview).toBe(true);
    expect(n.delegation('canada').proposals()).toEqual([]);
    expect(compilation(n)).toHaveLength(5);
    expect(cleanText(n, { draft: true }).paragraphs).toHaveLength(5);
    setStatus(n, cofac, ids[1]!, { state: 'adref', pending: ['mexico'], deadline: null });
    expect(adRefProgress(n, ids[1]!)!.confirmed).toEqual([]);
    confirmAdRef(n, as('mexico'), ids[1]!);
    expect(adRefProgress(n, ids[1]!)!.confirmed).toEqual(['mexico']);
    // PP1 holds open proposals: silence runs with them kept open.
    const silence = openSilence(n, cofac, '2099-01-01T00:00:00Z', undefined, { keepOpen: true });
    (n.delegation('egypt').objectionsMap as unknown as import('yjs').Map<unknown>).set(silence.state === 'open' ? silence.id : '', { paragraphs: 'all' });
    expect(silenceObjections(n, silence.state === 'open' ? silence.id : '')).toEqual([]);
  });
});

describe('values are validated where they are read', () => {
  it('"on behalf of" holds only for the chair the roster names, in every reader and after the chair changes', async () => {
    const { setGroupChair } = await import('../../shared/model/meta-commands');
    const { createProposalViewCache } = await import('../../shared/model/proposal-views');
    const { authorName } = await import('../../shared/model/queries');
    const { negotiation: n, ids } = sampleNegotiation();
    const cache = createProposalViewCache(n);
    const egypt = propose(n, as('egypt'), { kind: 'delete-paragraph', paragraphId: ids[0]!, onBehalfOf: 'g77' });
    // Mexico writes into its own document a proposal "on behalf of the Group of 77 and China", which it does not chair.
    const forged = { ...propose(n, as('mexico'), { kind: 'delete-paragraph', paragraphId: ids[1]! }), onBehalfOf: 'g77' } satisfies Proposal;
    n.delegation('mexico').proposalsMap.set(forged.id, forged);
    const byKey = () => new Map(cache.list().map((v) => [v.key, authorName(n, v.proposal)]));
    expect(byKey()).toEqual(new Map([[`egypt/${egypt.id}`, 'Egypt on behalf of the Group of 77 and China'], [`mexico/${forged.id}`, 'Mexico']]));
    expect(compilation(n).flatMap((c) => c.proposals.map((p) => p.author))).not.toContain('Mexico on behalf of the Group of 77 and China');
    setGroupChair(n, cofac, 'g77', 'mexico');
    expect(byKey()).toEqual(new Map([[`egypt/${egypt.id}`, 'Egypt'], [`mexico/${forged.id}`, 'Mexico on behalf of the Group of 77 and China']]));
    expect(listProposals(n).map((v) => authorName(n, v.proposal))).toEqual(['Egypt', 'Mexico on behalf of the Group of 77 and China']);
  });

  it('an ad ref agreement awaits only delegations, whatever the table holds', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    n.table.setStatus(ids[0]!, { state: 'adref', pending: ['mexico', 'holy-see', 'atlantis'], deadline: null });
    expect(n.table.paragraph(ids[0]!)!.status).toEqual({ state: 'adref', pending: ['mexico'], deadline: null });
  });
});
