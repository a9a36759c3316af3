import type { ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { syncStep1Frame, updateFrame } from '../../shared/protocol/messages';
import { echoProbe, quantile, type EchoProbe } from '../../testing/echo-probe';
import { connectClient, makeDataDir, rawSocket, startTestServer, waitFor } from './harness';
import { serve } from '../../testing/penholder-cli';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { cofac, sampleNegotiation } from '../model/fixture';
import { setStatus } from '../../shared/model/facilitator-commands';
import { Negotiation } from '../../shared/model/negotiation';
import { flatText } from '../../shared/text/rich-text';
import { textRuns } from '../../shared/text/y-rich-text';
import { editStoredTable, inviteDelegation, openDataDir, startServer } from '../../sync-server';

/** A raw socket that only counts what it is sent (a heavy neighbour does not need to read it). */
function counting(url: string): Promise<{ ws: WebSocket; received: () => number }> {
  const ws = new WebSocket(url);
  let bytes = 0;
  ws.on('message', (data: Buffer) => (bytes += data.length));
  ws.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, received: () => bytes }));
    ws.once('unexpected-response', () => reject(new Error('upgrade refused')));
  });
}

/** A delegation's document of about 4 MB: 100,000 entries, each its own item for the server to integrate. */
function largeDocument(): Uint8Array {
  const doc = new Y.Doc();
  const notes = doc.getMap<string>('notes');
  doc.transact(() => {
    for (let i = 0; i < 100_000; i++) notes.set(`n${i}`, `a note of some thirty characters ${i}`);
  });
  return Y.encodeStateAsUpdate(doc);
}

describe('a bystander next to a heavy neighbour', () => {
  let child: ChildProcess | null = null;
  let probe: EchoProbe | null = null;
  const sockets: WebSocket[] = [];
  afterAll(() => {
    probe?.stop();
    for (const s of sockets) s.close();
    child?.kill();
  });

  it('has its own edits echoed with a bounded p99 while another delegation floods and pushes a 4 MB document', async () => {
    const made = await makeDataDir();
    const tokens = { heavy: await made.invite('delegation', 'Mexico'), bystander: await made.invite('delegation', 'Chile') };
    await made.data.close();
    // The server in its own process: what is timed is the server, not this test's event loop.
    const started = await serve(made.dir);
    child = started.child;
    const doc = (d: string) => `${made.negotiationId}/delegation/${d}`;
    const big = largeDocument();
    // What reading and applying it whole costs a thread of this machine: as long as a server doing so
    // would keep every other client waiting.
    const costStarted = performance.now();
    Y.applyUpdate(new Y.Doc(), (Y.decodeUpdate(big), big));
    const cost = performance.now() - costStarted;

    probe = await echoProbe(started.wsUrl, doc('chile'), tokens.bystander);
    await waitFor(() => probe!.latencies.length >= 50, 'the bystander alone to have 50 edits echoed', 60_000);
    const alone = [...probe.latencies];

    // The neighbour: a flood of small updates (within its burst), a 4 MB document in one update, and a
    // reader of that document that never reads.
    const heavyUrl = `${started.wsUrl}/${doc('mexico')}?token=${encodeURIComponent(tokens.heavy)}`;
    const heavy = await counting(heavyUrl);
    sockets.push(heavy.ws);
    const heavyStarted = performance.now();
    const flood = new Y.Doc();
    flood.on('update', (u: Uint8Array) => heavy.ws.send(updateFrame(u)));
    for (let i = 0; i < 400; i++) flood.getMap('flood').set(String(i), 'x'.repeat(200));
    heavy.ws.send(updateFrame(big));
    // Its echo comes back to it once the server applied and stored it.
    await waitFor(() => heavy.received() > big.length, 'the 4 MB document to be stored and echoed', 60_000);
    const reader = await counting(heavyUrl);
    sockets.push(reader.ws);
    reader.ws.send(syncStep1Frame(Y.encodeStateVector(new Y.Doc())));
    await waitFor(() => reader.received() > big.length, 'a reader to load the 4 MB document', 60_000);
    const heavyEnded = performance.now();
    // Every edit made while the neighbour was at work, and 25 after, echoed.
    await waitFor(() => probe!.sentAt.filter((at) => at > heavyEnded).length >= 25, '25 edits after the load to be echoed', 60_000);
    const withNeighbour = probe.latencies.filter((_, i) => probe!.sentAt[i]! >= heavyStarted);
    const p99 = { alone: quantile(alone, 0.99), withNeighbour: quantile(withNeighbour, 0.99) };
    console.log(
      `bystander echo p99 alone ${p99.alone.toFixed(1)} ms, next to the neighbour ${p99.withNeighbour.toFixed(1)} ms (max ${Math.max(...withNeighbour).toFixed(0)} ms, ${withNeighbour.length} edits over ${(heavyEnded - heavyStarted).toFixed(0)} ms of load); the 4 MB update costs ${cost.toFixed(0)} ms applied whole`,
    );
    expect(probe.closed).toBeNull();
    expect(withNeighbour.length).toBeGreaterThan(25);
    // Sliced, the neighbour's update costs the bystander far less than it would whole (measured at
    // 94–128 ms against 54–108 ms alone and 650–1,800 ms whole, on a loaded machine).
    expect(p99.withNeighbour).toBeLessThan(p99.alone + cost);
  });
});

describe('a large update, applied in slices', () => {
  it('arrives whole for everyone, and a malformed one closes only its sender', async () => {
    const t = await startTestServer();
    try {
      const token = await t.invite('delegation', 'Mexico');
      const name = `${t.negotiationId}/delegation/mexico`;
      const sender = connectClient(t.server.wsUrl, name, token);
      const other = connectClient(t.server.wsUrl, name, token);
      await Promise.all([sender.synced, other.synced]);
      Y.applyUpdate(sender.doc, largeDocument());
      sender.doc.getMap<string>('notes').set('last', 'typed right after');
      await waitFor(() => other.doc.getMap('notes').get('last') === 'typed right after', 'the edit made after the large update', 60_000);
      expect(other.doc.getMap('notes').size).toBe(100_001);
      const newcomer = connectClient(t.server.wsUrl, name, token);
      await newcomer.synced;
      expect(newcomer.doc.getMap('notes').toJSON()).toEqual(sender.doc.getMap('notes').toJSON());

      const raw = await rawSocket(t.server.wsUrl, name, token);
      const garbage = new Uint8Array(400 * 1024).fill(7);
      raw.ws.send(updateFrame(garbage));
      expect((await raw.closed).code).toBe(1008);
      newcomer.doc.getMap<string>('notes').set('still', 'served');
      await waitFor(() => other.doc.getMap('notes').get('still') === 'served', 'the others to be served on');
      for (const c of [sender, other, newcomer]) c.destroy();
    } finally {
      await t.server.close();
    }
  });
});

describe('a co-facilitator\'s large change to the table', () => {
  it('is checked by the rules whole, then applied in slices: an allowed one reaches everyone, a forbidden one nobody', { timeout: 120_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'penholder-large-table-'));
    const data = openDataDir(dir);
    const { negotiation } = sampleNegotiation();
    setStatus(negotiation, cofac, 'p1', { state: 'agreed' });
    await data.store.appendUpdate('sample/table', Y.encodeStateAsUpdate(negotiation.table.doc));
    const context = { invitations: data.invitations, serverUrl: null, editTable: <T>(id: string, edit: (n: Negotiation) => T) => editStoredTable(data.store, id, edit) };
    const tokens = {
      cofac: (await inviteDelegation(context, { negotiationId: 'sample', delegationName: null, role: 'cofacilitator', expiresAt: null })).token,
      mexico: (await inviteDelegation(context, { negotiationId: 'sample', delegationName: 'Mexico', role: 'delegation', expiresAt: null })).token,
    };
    const server = await startServer({ dataDir: dir, port: 0, logger: pino({ level: 'silent' }) });
    const writer = connectClient(server.wsUrl, 'sample/table', tokens.cofac);
    const reader = connectClient(server.wsUrl, 'sample/table', tokens.mexico);
    try {
      await Promise.all([writer.synced, reader.synced]);
      const table = new Negotiation('sample', writer.doc).table;
      /** 3,000 insertions of 100 characters at the start of a paragraph: 300 KB of as many items, in one update. */
      const flood = (id: string) => {
        const text = textRuns(table.textFragment(id))[0]!.text;
        writer.doc.transact(() => {
          for (let i = 0; i < 3_000; i++) text.insert(0, `${String(i).padStart(5, '0')} ${'w'.repeat(94)}`);
        });
      };
      const sent: number[] = [];
      writer.doc.on('update', (u: Uint8Array) => sent.push(u.length));
      flood('p2');
      expect(sent.at(-1)).toBeGreaterThan(256 * 1024);
      const seen = () => flatText(new Negotiation('sample', reader.doc).table.paragraph('p2')!.text);
      await waitFor(() => seen().endsWith('Reaffirming the commitment to end trafficking in persons,') && seen().length > 300_000, 'the large change to reach the other reader', 60_000);
      expect(seen().startsWith(`02999 ${'w'.repeat(94)}`)).toBe(true);

      flood('p1');
      await waitFor(() => writer.denied.length > 0, 'the forbidden change to be refused', 60_000);
      expect(writer.denied[0]).toMatch(/paragraph p1 is agreed/);
      // The reader was served on; nothing of the refused change reached it or the store.
      const stored = new Negotiation('sample');
      for (const row of await data.store.loadUpdates!('sample/table')) Y.applyUpdate(stored.table.doc, row);
      expect(flatText(stored.table.paragraph('p1')!.text)).toBe('Recalling its resolution 64/293 of 30 July 2010,');
      expect(flatText(stored.table.paragraph('p2')!.text).length).toBeGreaterThan(300_000);
      expect(flatText(new Negotiation('sample', reader.doc).table.paragraph('p1')!.text)).toBe('Recalling its resolution 64/293 of 30 July 2010,');
    } finally {
      writer.destroy();
      reader.destroy();
      await server.close();
      await data.close();
    }
  });
});
