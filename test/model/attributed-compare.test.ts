import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { as, sampleNegotiation, textOf } from './fixture';
import type { Actor } from '../../shared/model/actor';
import { decisionLog } from '../../shared/model/decision-log';
import { logDirectEdits } from '../../shared/model/direct-edits';
import { accept, bracket, moveParagraph, replaceParagraphText } from '../../shared/model/facilitator-commands';
import { Negotiation } from '../../shared/model/negotiation';
import { propose } from '../../shared/model/proposal-commands';
import { verifyRecord } from '../../shared/model/record-check';
import { compareRevisions, issueRevision } from '../../shared/model/revision-commands';
import { textRuns } from '../../shared/text/y-rich-text';

const ireland: Actor = { role: 'cofacilitator', delegationId: null, name: 'co-facilitator (Ireland)' };
const qatar: Actor = { role: 'cofacilitator', delegationId: null, name: 'co-facilitator (Qatar)' };

/** Types into a paragraph as the editor does: straight into its text, outside any command. */
const type = (n: Negotiation, id: string, words: string): void => {
  const run = textRuns(n.table.textFragment(id))[0]!;
  run.text.insert(run.text.length, words);
};

describe('compare names the co-facilitators who changed the text themselves', () => {
  it('attributes edits, brackets and moves between two revisions to their authors, beside accepted proposals', () => {
    const { negotiation: n } = sampleNegotiation();
    issueRevision(n, ireland, null, '2021-02-13T12:00:00Z');
    replaceParagraphText(n, qatar, 'p3', 'Decides to convene a high-level meeting in 2022;');
    bracket(n, ireland, 'p3', 0, 6);
    moveParagraph(n, ireland, 'p5', 'p3');
    const p = propose(n, as('mexico'), { kind: 'delete', paragraphId: 'p4', from: 39, to: 53 });
    accept(n, qatar, `mexico/${p.id}`);
    issueRevision(n, ireland, null);
    const changes = new Map(compareRevisions(n, 0, 1).map((c) => [c.id, c]));
    expect(changes.get('p3')).toMatchObject({ change: 'changed', unlogged: false, editedBy: [{ author: 'co-facilitator (Qatar)', kinds: ['edit'] }, { author: 'co-facilitator (Ireland)', kinds: ['bracket'] }] });
    // OP3 went after OP1: compare reports one paragraph moved (OP2 and OP3 swapped places), and who moved OP3.
    expect([...changes.values()].filter((c) => c.moved)).toHaveLength(1);
    expect(changes.get('p5')).toMatchObject({ unlogged: false, editedBy: [{ author: 'co-facilitator (Ireland)', kinds: ['move'] }] });
    expect(changes.get('p4')).toMatchObject({ change: 'changed', causes: [`mexico/${p.id}`], editedBy: [], unlogged: false });
    expect(verifyRecord(n)).toMatchObject({ ok: true, problems: [] });
  });

  it('a change between revisions that the log does not record stands out, in compare and in the verification', () => {
    const { negotiation: n } = sampleNegotiation();
    issueRevision(n, ireland, null, '2021-02-13T12:00:00Z');
    type(n, 'p2', ' and its protocols'); // a modified client: no entry in the log
    issueRevision(n, ireland, null);
    expect(compareRevisions(n, 0, 1).find((c) => c.id === 'p2')).toMatchObject({ change: 'changed', editedBy: [], unlogged: true });
    expect(verifyRecord(n).problems.map((p) => p.message)).toEqual(['PP2 changed between Zero draft and Rev.1 with no decision in the log']);
  });

  it('logs a co-facilitator\'s own typing once per paragraph between revisions, and nothing received from others', () => {
    const { negotiation: n } = sampleNegotiation();
    issueRevision(n, ireland, null, '2021-02-13T12:00:00Z');
    const stop = logDirectEdits(n.table, qatar);
    type(n, 'p2', ' and its protocols');
    type(n, 'p2', ' thereto');
    type(n, 'p3', ' in New York');
    expect(decisionLog(n.table).slice(1).map((e) => [e.kind, e.paragraph, e.author])).toEqual([
      ['edit', 'p2', 'co-facilitator (Qatar)'],
      ['edit', 'p3', 'co-facilitator (Qatar)'],
    ]);
    // Another co-facilitator's typing arrives as an update: it is theirs to log, not ours.
    const other = new Negotiation('sample', new Y.Doc());
    Y.applyUpdate(other.table.doc, Y.encodeStateAsUpdate(n.table.doc));
    const theirs = logDirectEdits(other.table, ireland);
    type(other, 'p5', ' annually');
    Y.applyUpdate(n.table.doc, Y.encodeStateAsUpdate(other.table.doc));
    expect(decisionLog(n.table).map((e) => [e.paragraph, e.author]).at(-1)).toEqual(['p5', 'co-facilitator (Ireland)']);
    expect(decisionLog(n.table)).toHaveLength(4);
    issueRevision(n, ireland, null);
    type(n, 'p2', ' and 2011');
    expect(decisionLog(n.table).at(-1)).toMatchObject({ kind: 'edit', paragraph: 'p2', author: 'co-facilitator (Qatar)' });
    expect(textOf(n, 'p2')).toContain('and its protocols thereto and 2011');
    expect(verifyRecord(n).ok).toBe(true);
    stop();
    theirs();
    type(n, 'p3', '!');
    expect(decisionLog(n.table).at(-1)!.paragraph).toBe('p2');
  });
});
