import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeClientMessage } from '../../shared/protocol/messages';
import { FullState, UpdateSlicer } from '../../sync-server';
import { waitFor } from './harness';

/** What a client holding nothing makes of the frames: the updates since, then the whole (a sync step 2). */
function received(frames: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const f of frames) {
    const message = decodeClientMessage(f);
    if (message.type !== 'update') throw new Error(`unexpected ${message.type}`);
    Y.applyUpdate(doc, message.update);
  }
  return doc;
}

describe('the full state a newcomer gets', () => {
  const slicer = new UpdateSlicer(pino({ level: 'silent' }));
  afterAll(() => slicer.close());

  it('is the document at every moment, encoded again off the serving thread once the updates since weigh a quarter of it', async () => {
    const doc = new Y.Doc();
    const notes = doc.getMap<string>('notes');
    doc.transact(() => {
      for (let i = 0; i < 5_000; i++) notes.set(`n${i}`, `a note of some thirty characters ${i}`);
    });
    const encoded: number[] = [];
    const state = new FullState(doc, {
      snapshotFrame: (updates) => {
        encoded.push(updates.length);
        return slicer.snapshotFrame(updates);
      },
      mergedFrame: (updates) => slicer.mergedFrame(updates),
    });
    state.set([Y.encodeStateAsUpdate(doc)]);
    doc.on('update', (u: Uint8Array) => state.changed(u));
    const first = state.frames();
    expect(first).toHaveLength(1);
    // Every newcomer gets the same buffer: a room of readers holds one copy.
    expect(state.frames()[0]).toBe(first[0]);

    // Edits, deletions among them, until the updates since outweigh a quarter of the whole.
    let n = 0;
    while (encoded.length === 0) {
      doc.transact(() => {
        for (let i = 0; i < 50; i++) notes.set(`n${(n * 7) % 5_000}`, `rewritten ${n++}`);
        notes.delete(`n${n % 5_000}`);
      });
      // Meanwhile the old whole and the updates since still make the document.
      expect(received(state.frames()).getMap('notes').toJSON()).toEqual(notes.toJSON());
    }
    // Edits made while the thread encodes are kept after the new whole.
    const stale = state.frames().at(-1);
    notes.set('while encoding', 'kept');
    await waitFor(() => state.frames().at(-1) !== stale, 'the whole to be encoded again', 30_000);
    // The one edit made meanwhile comes with it.
    expect(state.frames()).toHaveLength(2);
    const again = received(state.frames());
    expect(again.getMap('notes').toJSON()).toEqual(notes.toJSON());
    expect(again.getMap('notes').get('while encoding')).toBe('kept');
    // The deleted content is dropped, as when the document itself is encoded.
    expect(state.frames().at(-1)!.length).toBeLessThan(Y.encodeStateAsUpdate(doc).length + 64);
  });

  it('merges the updates since off the serving thread, 64 KB at a time, while the whole waits to be encoded again', async () => {
    const doc = new Y.Doc();
    const notes = doc.getMap<string>('notes');
    doc.transact(() => {
      for (let i = 0; i < 20_000; i++) notes.set(`n${i}`, `a note of some thirty characters ${i}`);
    });
    const merged: number[] = [];
    let snapshots = 0;
    const state = new FullState(doc, {
      // The other thread is busy with the whole: it never answers in this test.
      snapshotFrame: () => {
        snapshots++;
        return new Promise<Uint8Array>(() => undefined);
      },
      mergedFrame: (updates) => {
        merged.push(updates.reduce((sum, u) => sum + u.length, 0));
        return slicer.mergedFrame(updates);
      },
    });
    state.set([Y.encodeStateAsUpdate(doc)]);
    let since = 0;
    doc.on('update', (u: Uint8Array) => {
      since += u.length;
      state.changed(u);
    });
    const whole = Y.encodeStateAsUpdate(doc).length;
    // About 7 KB an edit, until the updates since weigh more than a third of the whole.
    for (let n = 0; since < whole / 3; n++) {
      doc.transact(() => {
        for (let i = 0; i < 200; i++) notes.set(`n${(n * 200 + i) % 20_000}`, `rewritten in edit ${n}`);
      });
      await new Promise((r) => setImmediate(r));
    }
    expect(state.frames().length).toBeGreaterThan(2);
    // All but the last few (under 64 KB) end up in chunks.
    await waitFor(() => merged.reduce((a, b) => a + b, 0) > since - 64 * 1024, 'the updates since to be merged in chunks', 30_000);
    expect(snapshots).toBe(1);
    // Each chunk was merged from at least 64 KB of updates, and none from all of them at once.
    expect(Math.min(...merged)).toBeGreaterThanOrEqual(64 * 1024);
    expect(merged.length).toBeGreaterThan(1);
    const frames = state.frames();
    expect(frames.length).toBeGreaterThan(2);
    expect(received(frames).getMap('notes').toJSON()).toEqual(notes.toJSON());
  });

  it('without newcomers, only merges the updates since into the whole; the next newcomer has it encoded as a snapshot', async () => {
    const doc = new Y.Doc();
    const notes = doc.getMap<string>('notes');
    doc.transact(() => {
      for (let i = 0; i < 5_000; i++) notes.set(`n${i}`, `a note of some thirty characters ${i}`);
    });
    const first = Y.encodeStateAsUpdate(doc);
    const wholesMerged: Uint8Array[][] = [];
    let snapshots = 0;
    const state = new FullState(doc, {
      snapshotFrame: (updates) => {
        snapshots++;
        return slicer.snapshotFrame(updates);
      },
      mergedFrame: (updates) => {
        if (updates[0] === first) wholesMerged.push(updates);
        return slicer.mergedFrame(updates);
      },
    });
    state.set([first]);
    doc.on('update', (u: Uint8Array) => state.changed(u));
    // Rewrites and deletions, nobody joining, until the updates since outweigh the whole.
    for (let n = 0; wholesMerged.length === 0; n++) {
      doc.transact(() => {
        for (let i = 0; i < 200; i++) notes.set(`n${(n * 200 + i) % 5_000}`, `rewritten in edit ${n}`);
        notes.delete(`n${(n * 13) % 5_000}`);
      });
      await new Promise((r) => setImmediate(r));
    }
    expect(snapshots).toBe(0);
    await waitFor(() => state.frames().length === 1 || snapshots > 0, 'the merged whole to replace the old one', 30_000);
    // The first newcomer gets the document (the merged whole, deleted content in it) and has it encoded again.
    expect(received(state.frames()).getMap('notes').toJSON()).toEqual(notes.toJSON());
    expect(snapshots).toBe(1);
    const merged = state.frames().at(-1)!;
    await waitFor(() => state.frames().at(-1) !== merged, 'the whole to be encoded again for newcomers', 30_000);
    expect(received(state.frames()).getMap('notes').toJSON()).toEqual(notes.toJSON());
    expect(state.frames().at(-1)!.length).toBeLessThan(Y.encodeStateAsUpdate(doc).length + 64);
    expect(merged.length).toBeGreaterThan(state.frames().at(-1)!.length);
  });

  it('answers with the stored rows as they are, a snapshot and the updates since', () => {
    const doc = new Y.Doc();
    const rows: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => rows.push(u));
    for (let i = 0; i < 10; i++) doc.getArray<number>('list').push([i]);
    const loaded = new Y.Doc();
    for (const row of rows) Y.applyUpdate(loaded, row);
    const state = new FullState(loaded, slicer);
    state.set(rows);
    // The updates since as one frame, then the whole: a client holds one update waiting, not nine.
    expect(state.frames()).toHaveLength(2);
    expect(received(state.frames()).getArray('list').toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
