import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sliceUpdate } from '../../sync-server';

/** Documents edited by three clients: typed and deleted text, maps overwritten, nested types, an array moved about. */
function edited(seed: number): Y.Doc[] {
  let state = seed;
  const random = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31) % n);
  const docs = [1, 2, 3].map((id) => {
    const d = new Y.Doc();
    d.clientID = id * 1000 + seed;
    return d;
  });
  for (let round = 0; round < 15; round++) {
    for (const d of docs) {
      const text = d.getText('text');
      d.transact(() => {
        for (let i = 0; i < 20; i++) {
          if (text.length > 10 && random(3) === 0) text.delete(random(text.length - 5), random(5) + 1);
          else text.insert(random(text.length + 1), `w${random(100)} `, random(4) === 0 ? { bold: true } : undefined);
        }
        d.getMap('meta').set(`k${random(20)}`, random(1000));
        const list = d.getArray<Y.Map<number>>('list');
        const item = new Y.Map<number>();
        list.insert(random(list.length + 1), [item]);
        item.set('n', round);
        if (list.length > 3 && random(2) === 0) list.delete(random(list.length));
      });
    }
    // Exchange now and then, so that clients' structs refer to each other's.
    if (round % 7 === 3) for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  }
  for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return docs;
}

describe('sliceUpdate', () => {
  it('gives updates that, applied one after the other, each integrated at once, make the same document as the whole', () => {
    for (const seed of [1, 2]) {
      const source = edited(seed)[0]!;
      const whole = Y.encodeStateAsUpdate(source);
      for (const size of [7, 60, 1_000_000]) {
        const slices = sliceUpdate(Y.decodeUpdate(whole), size);
        const target = new Y.Doc();
        for (const s of slices) {
          Y.applyUpdate(target, s);
          // Each slice is integrated whole when it is applied: none waits for a later one.
          expect(target.store.pendingStructs).toBeNull();
        }
        expect(target.getText('text').toDelta()).toEqual(source.getText('text').toDelta());
        expect(target.getMap('meta').toJSON()).toEqual(source.getMap('meta').toJSON());
        expect(target.getArray('list').toJSON()).toEqual(source.getArray('list').toJSON());
        expect(Y.encodeStateVector(target)).toEqual(Y.encodeStateVector(source));
        if (size === 1_000_000) expect(slices).toHaveLength(1);
      }
    }
  });

  it('applies a slice-by-slice update onto a document that already holds part of it', () => {
    const [a, b] = edited(9);
    const before = Y.encodeStateVector(b!);
    a!.getText('text').insert(0, 'more from a ');
    const diff = Y.encodeStateAsUpdate(a!, before);
    for (const s of sliceUpdate(Y.decodeUpdate(diff), 3)) Y.applyUpdate(b!, s);
    expect(b!.getText('text').toString()).toBe(a!.getText('text').toString());
  });
});
