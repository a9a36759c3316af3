import { describe, expect, it } from 'vitest';
import { accept } from '../../shared/model/facilitator-commands';
import { explainProposal, propose } from '../../shared/model/proposal-commands';
import { suggestTyped } from '../../shared/model/suggestion-commands';
import { as, cofac, refusal, sampleNegotiation } from './fixture';

describe('a proposal explained after it was made', () => {
  it('gives a delegation\'s own open suggestion its rationale and source, and nothing else', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const typed = suggestTyped(n, as('canada'), { paragraphId: ids[3]!, from: 43, to: 52, text: 'their families' })!;
    const explained = explainProposal(n, as('canada'), typed.id, { rationale: '  Families are victims too. ', source: 'A/RES/78/228, OP3' });
    expect(explained).toEqual({ ...typed, rationale: 'Families are victims too.', source: 'A/RES/78/228, OP3' });
    expect(n.delegation('canada').proposalsMap.get(typed.id)).toEqual(explained);
    // Cleared: an empty field is no rationale.
    expect(explainProposal(n, as('canada'), typed.id, { rationale: ' ', source: null })).toMatchObject({ rationale: null, source: null, text: 'their families' });
  });

  it('refuses another delegation\'s proposal, a co-facilitator, and a proposal already decided', () => {
    const { negotiation: n, ids } = sampleNegotiation();
    const p = propose(n, as('mexico'), { kind: 'insert', paragraphId: ids[2]!, from: 10, text: ' urgently' });
    expect(refusal(() => explainProposal(n, as('canada'), p.id, { rationale: 'x', source: null })).code).toBe('not-found');
    expect(refusal(() => explainProposal(n, cofac, p.id, { rationale: 'x', source: null })).code).toBe('not-allowed');
    accept(n, cofac, `mexico/${p.id}`);
    expect(refusal(() => explainProposal(n, as('mexico'), p.id, { rationale: 'x', source: null })).message).toMatch(/already accepted/);
  });
});
