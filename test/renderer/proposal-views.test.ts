import { describe, expect, it } from 'vitest';
import { addDelegation, createNegotiation } from '../../shared/model/create-negotiation';
import { addParagraph, deleteParagraph, notRetain, replaceParagraphText } from '../../shared/model/facilitator-commands';
import { propose, setPosition, withdraw } from '../../shared/model/proposal-commands';
import { createProposalViewCache } from '../../shared/model/proposal-views';
import { listProposals } from '../../shared/model/queries';
import { textRuns } from '../../shared/text/y-rich-text';

const FACILITATOR = { role: 'cofacilitator', delegationId: null } as const;

describe('the memoised proposal views (shared/model/proposal-views)', () => {
  it('always equal listProposals, and keep the identity of the views that did not change', () => {
    const n = createNegotiation({ title: 'T', form: 'declaration' });
    const a = addDelegation(n, FACILITATOR, { name: 'A' });
    const b = addDelegation(n, FACILITATOR, { name: 'B' });
    const p1 = addParagraph(n, FACILITATOR, { after: null, kind: 'operative', text: 'encourages Member States to strengthen cooperation.' });
    const p2 = addParagraph(n, FACILITATOR, { after: p1, kind: 'operative', text: 'calls upon all States to protect victims of trafficking.' });
    const da = { role: 'delegation', delegationId: a.id } as const;
    const db = { role: 'delegation', delegationId: b.id } as const;
    const x = propose(n, da, { kind: 'replace', paragraphId: p1, from: 0, to: 10, text: 'urges' });
    const y = propose(n, db, { kind: 'delete', paragraphId: p2, from: 10, to: 20 });
    const cache = createProposalViewCache(n);
    const same = () => expect(JSON.stringify(cache.list())).toBe(JSON.stringify(listProposals(n)));
    same();
    const first = cache.list();
    // Typing in p1 far from the anchors: nothing changes, views keep their identity.
    textRuns(n.table.textFragment(p1))[0]!.text.insert(40, 'abc ');
    same();
    expect(cache.list()[1]).toBe(first[1]);
    // Typing inside x's quoted words: x needs review, y is untouched.
    textRuns(n.table.textFragment(p1))[0]!.text.insert(3, 'Z');
    same();
    expect(cache.list().find((v) => v.key.endsWith(x.id))!.needsReview).toBe(true);
    textRuns(n.table.textFragment(p1))[0]!.text.delete(3, 1);
    same();
    setPosition(n, da, `${b.id}/${y.id}`, 'support');
    same();
    notRetain(n, FACILITATOR, `${b.id}/${y.id}`);
    same();
    withdraw(n, da, x.id);
    same();
    replaceParagraphText(n, FACILITATOR, p2, 'calls upon all States.');
    same();
    deleteParagraph(n, FACILITATOR, p1);
    same();
  });
});
