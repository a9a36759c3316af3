import { describe, expect, it } from 'vitest';
import { addDelegation, createNegotiation } from '../../shared/model/create-negotiation';
import { addParagraph, deleteParagraph, moveParagraph, replaceParagraphText, setStatus } from '../../shared/model/facilitator-commands';
import { currentLabels } from '../../shared/model/queries';
import { issueRevision } from '../../shared/model/revision-commands';
import { textRuns } from '../../shared/text/y-rich-text';
import { tableReader } from '../../renderer/store/table-reader';

const FACILITATOR = { role: 'cofacilitator', delegationId: null } as const;

describe('the table reader (renderer/store/table-reader)', () => {
  it('always reads what the table holds, and keeps the identity of what did not change', () => {
    const n = createNegotiation({ title: 'T', form: 'declaration' });
    const a = addDelegation(n, FACILITATOR, { name: 'A' });
    const p1 = addParagraph(n, FACILITATOR, { after: null, kind: 'operative', text: 'encourages Member States to strengthen cooperation.' });
    const p2 = addParagraph(n, FACILITATOR, { after: p1, kind: 'operative', text: 'calls upon all States to protect victims of trafficking.' });
    const reader = tableReader(n.table);
    expect(tableReader(n.table)).toBe(reader);
    const same = () => {
      expect(reader.paragraphs()).toEqual(n.table.paragraphs());
      expect(reader.labels()).toEqual(currentLabels(n));
    };
    same();
    const first = reader.paragraphs();
    const labels = reader.labels();
    // Nothing changed: the same array and map.
    expect(reader.paragraphs()).toBe(first);
    // A keystroke in p1: p1 is read again, p2 keeps its value, the labels their map.
    textRuns(n.table.textFragment(p1))[0]!.text.insert(11, 'all ');
    same();
    expect(reader.paragraphs()).not.toBe(first);
    expect(reader.paragraphs()[0]).not.toBe(first[0]);
    expect(reader.paragraphs()[1]).toBe(first[1]);
    expect(reader.labels()).toBe(labels);
    // A change outside the paragraphs keeps everything.
    const typed = reader.paragraphs();
    n.table.metaMap.set('title', 'T2');
    expect(reader.paragraphs()).toBe(typed);
    // Order, status, new paragraphs, revisions and deletions are read as the table holds them.
    moveParagraph(n, FACILITATOR, p2, null);
    same();
    expect(reader.labels()).not.toBe(labels);
    setStatus(n, FACILITATOR, p2, { state: 'adref', pending: [a.id], deadline: null });
    same();
    expect(reader.paragraphs()[1]).toBe(typed[0]);
    issueRevision(n, FACILITATOR);
    const p3 = addParagraph(n, FACILITATOR, { after: p2, kind: 'operative', text: 'decides to remain seized of the matter.' });
    same();
    expect(reader.labels().get(p3)).toMatch(/bis$/);
    replaceParagraphText(n, FACILITATOR, p3, 'decides to remain actively seized of the matter.');
    same();
    deleteParagraph(n, FACILITATOR, p1);
    same();
    // The roster changes what an ad ref awaits: every paragraph is read again.
    n.table.rosterMap.delete(a.id);
    same();
    expect(reader.paragraphs().find((p) => p.id === p2)!.status).toEqual({ state: 'adref', pending: [], deadline: null });
  });
});
