import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocumentHolder } from '../../sync-server';

/** A delegation's document with `entries` notes and one proposal, as one update. */
function document(entries: number): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (let i = 0; i < entries; i++) doc.getMap<string>('notes').set(`n${i}`, `a note of some thirty characters ${i}`);
  });
  return Y.encodeStateAsUpdate(doc);
}

describe('DocumentHolder (what the thread holding a large document does)', () => {
  it('applies a large update in steps of about 64 KB, each emitted to be stored and sent, and ends with the same document', () => {
    const holder = new DocumentHolder('mexico', []);
    const update = document(40_000);
    const reply = holder.answer({ id: 1, op: 'apply', update });
    expect(reply.ok).toBe(true);
    expect(reply.updates.length).toBeGreaterThan(update.length / (128 * 1024));
    expect(Math.max(...reply.updates.map((u) => u.length))).toBeLessThan(128 * 1024);
    const copy = new Y.Doc();
    for (const u of reply.updates) Y.applyUpdate(copy, u);
    expect(copy.getMap('notes').size).toBe(40_000);
    // Known now: a replay holds nothing new, and what a client lacks is what it lacks.
    expect(holder.answer({ id: 2, op: 'known', update })).toMatchObject({ ok: true, known: true });
    const lacking = holder.answer({ id: 3, op: 'diff', stateVector: Y.encodeStateVector(copy) });
    expect(lacking.ok && Y.decodeUpdate(lacking.updates[0]!).structs.length).toBe(0);
  });

  it('reports the facts the table’s rules read when they change, and only then', () => {
    const holder = new DocumentHolder('mexico', []);
    expect(holder.answer({ id: 1, op: 'state' }).facts).toEqual({ proposals: [], confirmedAdRefs: [], objections: [] });
    const doc = new Y.Doc();
    doc.getMap('adref').set('p2', { confirmedAt: '2026-11-30T06:00:00Z' });
    doc.getMap('objections').set('silence-1', { paragraphs: ['p1'], reason: 'no', at: '2026-11-30T06:00:00Z' });
    const sv = Y.encodeStateVector(doc);
    expect(holder.answer({ id: 2, op: 'apply', update: Y.encodeStateAsUpdate(doc) }).facts).toEqual({ proposals: [], confirmedAdRefs: ['p2'], objections: ['silence-1'] });
    doc.getMap('notes').set('x', 'y');
    expect(holder.answer({ id: 3, op: 'apply', update: Y.encodeStateAsUpdate(doc, sv) }).facts).toBeNull();
  });

  it('refuses what it cannot read, having applied nothing', () => {
    const seed = document(10);
    const holder = new DocumentHolder(null, [seed]);
    const before = holder.answer({ id: 1, op: 'state' }).stateVector;
    const reply = holder.answer({ id: 2, op: 'apply', update: new Uint8Array([1, 2, 3, 200, 200]) });
    expect(reply.ok).toBe(false);
    expect(reply.updates).toEqual([]);
    expect(holder.answer({ id: 3, op: 'state' }).stateVector).toEqual(before);
    expect(Y.decodeStateVector(before).size).toBe(1);
  });
});
