import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import pino from 'pino';
import { SqliteWorkerStore, UpdateSlicer } from '../../sync-server';
import { decodeServerMessage } from '../../shared/protocol/messages';
import { removeTempDir, tempDir } from '../../testing/temp-dirs';
import { connectClient, startTestServer, waitFor } from './harness';

/** The threads of this process and their niceness (Linux: field 19 of /proc/self/task/<tid>/stat). */
function threads(): { tid: number; nice: number }[] {
  return fs.readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces), from field 3 on: niceness is the 17th of them.
      return [{ tid: Number(tid), nice: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) }];
    } catch {
      return []; // a thread that ended while listed
    }
  });
}

/** An update of `entries` map entries, each its own item (about 49 bytes an entry). */
function notes(entries: number, tag: string): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (let i = 0; i < entries; i++) doc.getMap<string>('notes').set(`${tag}${i}`, `a note of some thirty characters ${i}`);
  });
  return Y.encodeStateAsUpdate(doc);
}

describe("the server's background threads", () => {
  it.runIf(process.platform === 'linux')('slice, load and compact at a lower priority than the thread that serves the sockets and the one that commits', async () => {
    const lowered = () => threads().filter((t) => t.nice >= 10).length;
    const before = lowered();
    const servingNice = os.getPriority(process.pid);
    // The server runs in this process: its serving thread is this one.
    const t = await startTestServer();
    try {
      // The reader (loads, snapshots) starts with the store.
      expect(lowered()).toBe(before + 1);
      const token = await t.invite('delegation', 'Mexico');
      const name = `${t.negotiationId}/delegation/mexico`;
      const sender = connectClient(t.server.wsUrl, name, token);
      const other = connectClient(t.server.wsUrl, name, token);
      await Promise.all([sender.synced, other.synced]);
      // A 1 MB update is sliced on the slicing thread, started at the first.
      Y.applyUpdate(sender.doc, notes(20_000, 'n'));
      await waitFor(() => other.doc.getMap('notes').size === 20_000, 'the large update to reach the other client', 60_000);
      // Reader and slicer lowered; the writer, which every echo waits for, and the serving thread are not.
      expect(lowered()).toBe(before + 2);
      expect(os.getPriority(process.pid)).toBe(servingNice);
      for (const c of [sender, other]) c.destroy();
    } finally {
      await t.server.close();
    }
  });

  it("hands a group's updates to the storage thread in one buffer of their own, leaving the server's copies whole", async () => {
    const dir = tempDir('penholder-packed');
    const store = await SqliteWorkerStore.open(dir);
    try {
      // Views into larger buffers, as frames read off a socket are: only their own bytes are stored.
      const small = notes(3, 's');
      const frame = new Uint8Array(small.length + 64).fill(9);
      frame.set(small, 3);
      const updates = [notes(8_000, 'a'), frame.subarray(3, 3 + small.length), notes(10, 'b')];
      const copies = updates.map((u) => Uint8Array.from(u));
      await Promise.all(updates.map((u) => store.appendUpdate('d', u)));
      // The server keeps sending its own: none was handed over (detached) with the group.
      expect(updates).toEqual(copies);
      expect(frame.byteLength).toBe(small.length + 64);
      // Stored as they were (small ones go first in the group commit).
      const bySize = (list: Uint8Array[]) => list.map((u) => Uint8Array.from(u)).sort((a, b) => a.length - b.length);
      expect(bySize(await store.loadUpdates('d'))).toEqual(bySize(copies));
      // Compaction hands the snapshot over too: one row, the same document.
      await store.compact('d');
      const rows = await store.loadUpdates('d');
      expect(rows).toHaveLength(1);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, rows[0]!);
      expect(doc.getMap('notes').size).toBe(8_013);
    } finally {
      await store.close();
      removeTempDir(dir);
    }
  });

  it('hands the slicing thread a copy of what it reads in one buffer, leaving the server\'s own whole', async () => {
    const slicer = new UpdateSlicer(pino({ level: 'silent' }));
    try {
      const [big, small] = [notes(8_000, 'a'), notes(10, 'b')];
      const copies = [Uint8Array.from(big), Uint8Array.from(small)];
      const slices = await slicer.slice(big, 200);
      const frame = await slicer.snapshotFrame([big, small]);
      // The server still holds (and may apply, or send) what it handed over.
      expect([big, small]).toEqual(copies);
      const sliced = new Y.Doc();
      for (const s of slices) Y.applyUpdate(sliced, s);
      expect(sliced.getMap('notes').size).toBe(8_000);
      const whole = new Y.Doc();
      Y.applyUpdate(whole, (decodeServerMessage(frame) as { update: Uint8Array }).update);
      expect(whole.getMap('notes').size).toBe(8_010);
    } finally {
      await slicer.close();
    }
  });
});
