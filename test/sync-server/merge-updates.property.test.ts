import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { mergeUpdates } from '../../shared/protocol/merge-updates';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 100);

type Step = { client: number; op: 'insert' | 'delete' | 'set'; at: number; share: number };
const step = fc.record({ client: fc.nat(24), op: fc.constantFrom('insert', 'insert', 'delete', 'set'), at: fc.nat(1000), share: fc.nat(24) }) as fc.Arbitrary<Step>;

/** Updates as many clients write them (text typed and deleted, map entries set), some exchanged between clients. */
function updatesOf(steps: readonly Step[]): { init: Uint8Array; updates: Uint8Array[] } {
  const base = new Y.Doc();
  base.getText('t').insert(0, 'Reaffirms');
  const init = Y.encodeStateAsUpdate(base);
  const clients = Array.from({ length: 25 }, () => {
    const d = new Y.Doc();
    Y.applyUpdate(d, init);
    return d;
  });
  const updates: Uint8Array[] = [];
  steps.forEach((s, i) => {
    const d = clients[s.client]!;
    const take = (u: Uint8Array) => updates.push(u);
    d.on('update', take);
    const t = d.getText('t');
    if (s.op === 'delete' && t.length > 1) t.delete(s.at % t.length, 1);
    else if (s.op === 'set') d.getMap('m').set(`k${s.at % 4}`, i);
    else t.insert(s.at % (t.length + 1), String.fromCharCode(97 + (i % 26)));
    d.off('update', take);
    // Clients that heard each other write on top of each other's text.
    const other = clients[s.share]!;
    Y.applyUpdate(other, Y.encodeStateAsUpdate(d, Y.encodeStateVector(other)));
  });
  return { init, updates };
}

const applied = (init: Uint8Array, update: Uint8Array): Y.Doc => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, init);
  Y.applyUpdate(doc, update);
  return doc;
};
const stateOf = (doc: Y.Doc) => ({
  text: doc.getText('t').toString(),
  map: doc.getMap('m').toJSON(),
  vector: [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(),
  missing: doc.store.pendingStructs ? [...doc.store.pendingStructs.missing].sort() : null,
  pendingDeletes: doc.store.pendingDs !== null,
});

describe('mergeUpdates in rounds', () => {
  it('gives a document what Y.mergeUpdates gives it, for updates in any order, with gaps', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 40, maxLength: 400 }), fc.nat(), fc.double({ min: 0, max: 0.3, noNaN: true }), (steps, seed, dropShare) => {
        const { init, updates } = updatesOf(steps);
        // Shuffled, and some left out: the merge holds what waits for a missing update, as Yjs does.
        let s = seed;
        const random = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
        const some = updates.filter(() => random() >= dropShare).sort(() => random() - 0.5);
        const ours = applied(init, mergeUpdates(some));
        const theirs = applied(init, Y.mergeUpdates(some));
        expect(stateOf(ours)).toEqual(stateOf(theirs));
        // Then everything: both end up whole and identical.
        for (const u of updates) {
          Y.applyUpdate(ours, u);
          Y.applyUpdate(theirs, u);
        }
        expect(stateOf(ours)).toEqual(stateOf(theirs));
        expect(ours.store.pendingStructs).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });

  it('merges thousands of keystrokes into one update that holds them all', () => {
    const { init, updates } = updatesOf(Array.from({ length: 5000 }, (_, i) => ({ client: i % 25, op: 'insert' as const, at: i * 7, share: (i * 3) % 25 })));
    const merged = mergeUpdates(updates);
    const doc = applied(init, merged);
    const reference = applied(init, Y.mergeUpdates(updates));
    expect(doc.getText('t').toString()).toBe(reference.getText('t').toString());
    expect(doc.getText('t').length).toBe('Reaffirms'.length + 5000);
  });
});
