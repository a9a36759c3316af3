import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDataDir, SqliteWorkerStore } from '../../sync-server';
import { removeTempDir, tempDir } from '../../testing/temp-dirs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) removeTempDir(d);
});

/** An update of about `bytes` bytes: a note `tag` of text that does not compress, in a fresh document. */
function updateOf(bytes: number, tag: string): Uint8Array {
  const doc = new Y.Doc();
  let text = '';
  for (let i = 0; text.length < bytes; i++) text += ((i * 2_654_435_761) >>> 0).toString(36);
  doc.getMap<string>('notes').set(tag, text.slice(0, bytes));
  return Y.encodeStateAsUpdate(doc);
}

const nextTurn = () => new Promise((r) => setImmediate(r));

describe('group commit: small appends never wait behind large ones', () => {
  it('commits a small append before the large ones handed over before it, and large ones in groups of bounded size', async () => {
    const dir = tempDir('penholder-group-commit');
    dirs.push(dir);
    const store = await SqliteWorkerStore.open(dir);
    const order: string[] = [];
    // Three slices of a large update (200 KB each), then a keystroke, in the same turn.
    const large = [0, 1, 2].map((i) => store.appendUpdate('g/delegation/mexico', updateOf(200_000, `L${i}`)).then(() => void order.push(`L${i}`)));
    const small = store.appendUpdate('g/delegation/chile', updateOf(20, 'typed')).then(() => void order.push('typed'));
    await Promise.all([...large, small]);
    expect(order).toEqual(['typed', 'L0', 'L1', 'L2']);
    // The keystroke alone, then one group per large append (a group of large ones closes at 128 KB).
    expect(store.stats).toEqual({ groups: 4, appends: 4 });
    await store.close();
    // Resolved meant durable: another connection reads every row.
    const check = openDataDir(dir);
    expect(check.store.rowCount('g/delegation/mexico')).toBe(3);
    expect(check.store.rowCount('g/delegation/chile')).toBe(1);
    await check.close();
  });

  it('does not let a steady stream of small appends hold a large one back for more than one group', async () => {
    const dir = tempDir('penholder-group-commit');
    dirs.push(dir);
    const store = await SqliteWorkerStore.open(dir);
    const typed: Promise<void>[] = [];
    let largeDone = false;
    const groupsWhenLarge = store.appendUpdate('g/delegation/mexico', updateOf(200_000, 'L')).then(() => {
      largeDone = true;
      return store.stats.groups;
    });
    // A keystroke every turn for as long as the large append waits.
    while (!largeDone) {
      typed.push(store.appendUpdate('g/delegation/chile', updateOf(20, `k${typed.length}`)));
      await nextTurn();
    }
    await Promise.all(typed);
    // The first group holds the first keystroke alone; the large append goes in the second, with the keystrokes that waited.
    expect(await groupsWhenLarge).toBe(2);
    expect(store.stats.appends).toBe(typed.length + 1);
    await store.close();
    const check = openDataDir(dir);
    const chile = new Y.Doc();
    Y.applyUpdate(chile, (await check.store.load('g/delegation/chile'))!);
    expect([...chile.getMap('notes').keys()].sort()).toEqual(typed.map((_, i) => `k${i}`).sort());
    await check.close();
  });
});
