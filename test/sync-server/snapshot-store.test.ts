import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDataDir, snapshotOf, SqliteWorkerStore } from '../../sync-server';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-snapshot-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A document typed and deleted in many small updates, as a server's log holds them. */
function history(): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = doc.getText('t');
  for (let i = 0; i < 300; i++) text.insert(text.length, `word${i} `);
  for (let i = 0; i < 100; i++) text.delete(0, 4);
  return { doc, updates };
}

describe('the SQLite store: snapshots and group commit', () => {
  it('compacts into a snapshot that holds the same document without the deleted content', async () => {
    const { doc, updates } = history();
    const snapshot = snapshotOf(updates);
    expect(snapshot.length).toBeLessThan(Y.mergeUpdates(updates).length);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, snapshot);
    expect(loaded.getText('t').toString()).toBe(doc.getText('t').toString());
    // An update that waits for a missing one is kept, not dropped.
    const pending = snapshotOf([updates[5]!]);
    const later = new Y.Doc();
    Y.applyUpdate(later, pending);
    for (const u of updates.slice(0, 5)) Y.applyUpdate(later, u);
    expect(later.getText('t').toString().startsWith('word0 word1 word2 word3 word4 word5 ')).toBe(true);
  });

  it('commits the appends of one turn together, each resolved once durable, and compacts every log at once', async () => {
    const dir = tempDir();
    const { doc, updates } = history();
    const data = openDataDir(dir);
    await Promise.all(updates.map((u, i) => data.store.appendUpdate(i % 2 ? 'n/table' : 'n/delegation/a', u)));
    expect(data.store.rowCount('n/table') + data.store.rowCount('n/delegation/a')).toBe(updates.length);
    expect(data.store.compactAll(2)).toBe(2);
    expect(data.store.rowCount('n/table')).toBe(1);
    const both = new Y.Doc();
    for (const name of ['n/table', 'n/delegation/a']) Y.applyUpdate(both, (await data.store.load(name))!);
    expect(both.getText('t').toString()).toBe(doc.getText('t').toString());
    await data.close();
  });
});

describe('the server’s store: storage threads and group commit', () => {
  it('resolves each append once another connection can read it, one group per turn, and compacts off the thread', async () => {
    const dir = tempDir();
    const store = await SqliteWorkerStore.open(dir);
    const check = openDataDir(dir);
    const { doc, updates } = history();
    const seenAtResolve: number[] = [];
    // Every append of one turn goes into one group.
    await Promise.all(updates.slice(0, 100).map((u) => store.appendUpdate('n/table', u)));
    expect(store.stats).toEqual({ groups: 1, appends: 100 });
    // Appends spread over turns: each resolves only when its row is committed (visible to another connection).
    const rest = updates.slice(100);
    const done: Promise<void>[] = [];
    for (const [i, u] of rest.entries()) {
      done.push(store.appendUpdate('n/table', u).then(() => void seenAtResolve.push(check.store.rowCount('n/table') - (101 + i))));
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(done);
    expect(seenAtResolve.every((extra) => extra >= 0)).toBe(true);
    expect(store.stats.appends).toBe(updates.length);
    expect(store.stats.groups).toBeLessThanOrEqual(1 + rest.length);
    await store.compact('n/table');
    expect(check.store.rowCount('n/table')).toBe(1);
    const loaded = new Y.Doc();
    for (const row of await store.loadUpdates('n/table')) Y.applyUpdate(loaded, row);
    expect(loaded.getText('t').toString()).toBe(doc.getText('t').toString());
    expect((fs.statSync(path.join(dir, 'penholder.sqlite')).mode & 0o777).toString(8)).toBe('600');
    await store.close();
    await check.close();
  });
});
