import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/protocol/close-codes';
import type { DataDir, RunningServer } from '../../sync-server';
import { sampleNegotiation } from '../model/fixture';
import { connectClient, serveSample, waitFor, type TestClient } from './harness';

/** `entries` notes, each its own item (about 49 bytes an entry). */
function addNotes(doc: Y.Doc, entries: number, tag: string): void {
  doc.transact(() => {
    for (let i = 0; i < entries; i++) doc.getMap<string>('notes').set(`${tag}${i}`, `a note of some thirty characters ${i}`);
  });
}

/*
 * The thread holding a large document (hosted-document.ts, moveOffThread) dies while it applies a
 * client's update: what was echoed before is stored, the document's clients are closed with 1011 and
 * come back to a copy read from the store, the update nobody confirmed arrives when its author resends
 * it, and the other documents are served all along.
 */
describe('the thread holding a large document stops', () => {
  const ENTRIES = 20_000;
  let data: DataDir;
  let server: RunningServer;
  let tokens: Record<'cofac' | 'mexico', string>;
  const clients: TestClient[] = [];
  const client = (doc: string, who: 'cofac' | 'mexico'): TestClient => {
    const c = connectClient(server.wsUrl, `sample/${doc}`, tokens[who], { maxBackoffTime: 500 });
    clients.push(c);
    return c;
  };
  const stored = async (): Promise<Y.Map<string>> => {
    const doc = new Y.Doc();
    for (const row of await data.store.loadUpdates!('sample/delegation/mexico')) Y.applyUpdate(doc, row);
    return doc.getMap<string>('notes');
  };

  beforeAll(async () => {
    // The thread is spawned with this environment: it ends itself inside its third apply.
    process.env.PENHOLDER_DOCUMENT_FAULT = 'exit-in-apply:3';
    ({ data, server, tokens } = await serveSample(sampleNegotiation().negotiation, { offThreadAboveBytes: 512 * 1024 }));
  });
  afterAll(async () => {
    delete process.env.PENHOLDER_DOCUMENT_FAULT;
    for (const c of clients) c.destroy();
    await server.close();
    await data.close();
  });

  it('loses nothing that was echoed, and its clients come back to the stored document', async () => {
    const author = client('delegation/mexico', 'mexico');
    const reader = client('delegation/mexico', 'cofac');
    const table = client('table', 'cofac');
    await Promise.all([author.synced, reader.synced, table.synced]);

    // 1st apply: a megabyte of notes moves the document onto its thread. 2nd: one note more.
    addNotes(author.doc, ENTRIES, 'n');
    await waitFor(() => reader.doc.getMap('notes').size === ENTRIES, 'the large update at the reader', 60_000);
    author.doc.getMap<string>('notes').set('confirmed', 'echoed before the crash');
    await waitFor(() => reader.doc.getMap('notes').has('confirmed'), 'the confirmed note at the reader', 30_000);

    // 3rd: the thread ends while applying it.
    author.doc.getMap<string>('notes').set('unconfirmed', 'sent as the thread stopped');
    await waitFor(() => author.closes.some((c) => c.code === CloseCode.internalError), 'the author closed with 1011', 30_000);
    delete process.env.PENHOLDER_DOCUMENT_FAULT;
    expect(reader.closes.map((c) => c.code)).toContain(CloseCode.internalError);
    // What was relayed before the crash had been stored before it was relayed.
    const atCrash = await stored();
    expect(atCrash.size).toBeGreaterThanOrEqual(ENTRIES + 1);
    expect(atCrash.get('confirmed')).toBe('echoed before the crash');

    // Both reconnect on their own; the author's copy holds the unconfirmed note and sends it again.
    await waitFor(() => reader.doc.getMap('notes').get('unconfirmed') === 'sent as the thread stopped', 'the resent note at the reader', 60_000);
    await expect.poll(async () => (await stored()).get('unconfirmed'), { timeout: 30_000 }).toBe('sent as the thread stopped');
    const newcomer = client('delegation/mexico', 'cofac');
    await newcomer.synced;
    await waitFor(() => newcomer.doc.getMap('notes').size === ENTRIES + 2, 'the whole document at a newcomer', 60_000);

    // The table was served throughout: its connection never closed.
    expect(table.closes).toEqual([]);
    expect([...author.denied, ...reader.denied, ...newcomer.denied]).toEqual([]);
  }, 180_000);
});
