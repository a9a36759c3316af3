import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { as, cofac, sampleNegotiation } from './fixture';
import type { Actor } from '../../shared/model/actor';
import { checkLogChange, decisionLog, entryHash, verifyLog, type LogEntry } from '../../shared/model/decision-log';
import { accept, bracket, notRetain, reopen, setStatus } from '../../shared/model/facilitator-commands';
import { Negotiation } from '../../shared/model/negotiation';
import { propose } from '../../shared/model/proposal-commands';
import { issueRevision } from '../../shared/model/revision-commands';
import { closeSilence, openSilence } from '../../shared/model/silence-commands';

const ireland: Actor = { role: 'cofacilitator', delegationId: null, name: 'co-facilitator (Ireland)' };
const qatar: Actor = { role: 'cofacilitator', delegationId: null, name: 'co-facilitator (Qatar)' };

/** A negotiation with a decision of every kind behind it. */
function decided(): Negotiation {
  const { negotiation: n, ids } = sampleNegotiation();
  issueRevision(n, ireland, 'for first reading', '2021-02-13T12:00:00Z');
  bracket(n, qatar, ids[3]!, 31, 38);
  setStatus(n, ireland, ids[0]!, { state: 'agreed' }, '2021-02-14T09:00:00Z');
  const a = propose(n, as('mexico'), { kind: 'new-paragraph', paragraphId: ids[2]!, paragraph: 'Decides also to hold panels;', at: '2021-02-20T10:00:00Z' });
  const b = propose(n, as('canada'), { kind: 'delete-paragraph', paragraphId: ids[4]!, at: '2021-02-20T11:00:00Z' });
  accept(n, ireland, `mexico/${a.id}`, '2021-02-21T10:00:00Z');
  notRetain(n, qatar, `canada/${b.id}`, 'no support', '2021-02-21T11:00:00Z');
  issueRevision(n, ireland, null, '2021-03-01T12:00:00Z');
  openSilence(n, ireland, '2099-03-05T18:00:00Z', '2021-03-02T12:00:00Z', { keepOpen: true });
  closeSilence(n, ireland, 'consultations continue', '2021-03-03T12:00:00Z');
  reopen(n, qatar, ids[0]!);
  return n;
}

/** Rewrites the stored log (as a forger with write access to the document would). */
function rewrite(n: Negotiation, edit: (entries: unknown[]) => unknown[]): void {
  const log = n.table.logArray;
  const entries = edit(log.toArray());
  n.table.doc.transact(() => {
    log.delete(0, log.length);
    log.push(entries);
  });
}

describe('the decision log', () => {
  it('records every decision in order, with its author and time, each linked to the one before', () => {
    const n = decided();
    const log = decisionLog(n.table);
    expect(log.map((e) => e.kind)).toEqual(['revision', 'bracket', 'status', 'accept', 'not-retain', 'revision', 'silence-open', 'silence-close', 'reopen']);
    expect(log.map((e) => e.author)).toEqual(['Ireland', 'Qatar', 'Ireland', 'Ireland', 'Qatar', 'Ireland', 'Ireland', 'Ireland', 'Qatar'].map((c) => `co-facilitator (${c})`));
    expect(log[1]).toMatchObject({ paragraph: 'p4', detail: 'victims' });
    expect(log[2]).toMatchObject({ paragraph: 'p1', detail: 'agreed', at: '2021-02-14T09:00:00Z' });
    expect(log[3]).toMatchObject({ proposal: expect.stringMatching(/^mexico\//), detail: 'new-paragraph' });
    expect(log[7]).toMatchObject({ detail: 'withdrawn: consultations continue' });
    expect(log[0]!.prev).toEqual([]);
    for (let i = 1; i < log.length; i++) expect(log[i]!.prev).toEqual([log[i - 1]!.hash]);
    expect(verifyLog(n.table)).toMatchObject({ ok: true, entries: 9, heads: [log[8]!.hash], problems: [] });
  });

  it('detects an entry changed, even with its hash made again', () => {
    const n = decided();
    rewrite(n, (entries) => entries.map((e, i) => (i === 2 ? { ...(e as LogEntry), author: 'co-facilitator (Qatar)' } : e)));
    expect(verifyLog(n.table).problems.map((p) => p.message)).toEqual(['entry 3 does not match its hash: it was changed after it was written']);
    rewrite(n, (entries) =>
      entries.map((e, i) => {
        if (i !== 2) return e;
        const { hash: _hash, ...body } = { ...(e as LogEntry), author: 'co-facilitator (Qatar)' };
        return { ...body, hash: entryHash(body) };
      }),
    );
    expect(verifyLog(n.table).problems.map((p) => p.message)).toEqual([expect.stringMatching(/^entry 4 follows an entry that is no longer in the log/)]);
  });

  it('detects an entry removed from the middle, or reordered', () => {
    const n = decided();
    const copy = new Negotiation('sample', new Y.Doc());
    Y.applyUpdate(copy.table.doc, Y.encodeStateAsUpdate(n.table.doc));
    rewrite(n, (entries) => entries.filter((_, i) => i !== 4));
    expect(verifyLog(n.table)).toMatchObject({ ok: false, problems: [{ index: 4, message: expect.stringMatching(/^entry 5 follows an entry that is no longer in the log/) }] });
    rewrite(copy, (entries) => [entries[0], entries[2], entries[1], ...entries.slice(3)]);
    expect(verifyLog(copy.table).problems.map((p) => p.message)).toEqual(['entry 2 follows entry 3, which comes after it: entries were reordered']);
  });

  it('detects a revision changed after it was issued, and one issued without its entry', () => {
    const n = decided();
    const revisions = n.table.revisionsArray;
    const rev1 = revisions.get(1);
    n.table.doc.transact(() => {
      revisions.delete(1, 1);
      revisions.insert(1, [{ ...rev1, paragraphs: rev1.paragraphs.slice(1) }]);
    });
    expect(verifyLog(n.table).problems.map((p) => p.message)).toEqual([
      'the log records Rev.1 (revision 1), but the table holds no such text: it was changed or removed afterwards',
      'Rev.1 was issued after the log began but is not in it as issued',
    ]);
  });

  it('keeps decisions made at once by two co-facilitators offline: the next entry links to both', () => {
    const n = decided();
    const other = new Negotiation('sample', new Y.Doc());
    Y.applyUpdate(other.table.doc, Y.encodeStateAsUpdate(n.table.doc));
    setStatus(n, ireland, 'p2', { state: 'agreed' });
    setStatus(other, qatar, 'p3', { state: 'agreed' });
    Y.applyUpdate(n.table.doc, Y.encodeStateAsUpdate(other.table.doc));
    expect(verifyLog(n.table)).toMatchObject({ ok: true, entries: 11 });
    expect(verifyLog(n.table).heads).toHaveLength(2);
    reopen(n, ireland, 'p2');
    const last = decisionLog(n.table).at(-1)!;
    expect(last.prev).toHaveLength(2);
    expect(verifyLog(n.table)).toMatchObject({ ok: true, heads: [last.hash] });
    // Either of the two removed, the entry after them names the gap.
    rewrite(n, (entries) => entries.filter((_, i) => i !== 9));
    expect(verifyLog(n.table).ok).toBe(false);
  });

  it('a change of the stored log is accepted by the server only as sound entries appended in the writer\'s name', () => {
    const n = decided();
    const before = n.table.logArray.toArray();
    const authors = ['co-facilitator (Ireland)', 'co-facilitator'];
    setStatus(n, ireland, 'p2', { state: 'agreed' });
    expect(checkLogChange(before, n.table.logArray.toArray(), authors)).toBeNull();
    expect(checkLogChange(before, n.table.logArray.toArray(), ['co-facilitator (Qatar)'])).toMatch(/signed "co-facilitator \(Ireland\)"/);
    expect(checkLogChange(before, before.slice(1), authors)).toMatch(/only grows/);
    expect(checkLogChange(before, [before[1], before[0], ...before.slice(2)], authors)).toMatch(/only grows/);
    expect(checkLogChange(before, [...before, { ...(before[0] as LogEntry), detail: 'forged' }], authors)).toMatch(/does not match its hash/);
    const unlinked = { ...(before[8] as LogEntry), prev: ['0'.repeat(64)], detail: 'x' };
    const { hash: _h, ...body } = unlinked;
    expect(checkLogChange(before, [...before, { ...body, hash: entryHash(body) }], authors)).toMatch(/links to an entry that is not before it/);
  });

  it('an actor the app did not name signs as "co-facilitator"', () => {
    const { negotiation: n } = sampleNegotiation();
    setStatus(n, cofac, 'p1', { state: 'agreed' });
    expect(decisionLog(n.table)[0]!.author).toBe('co-facilitator');
  });
});
