import vm from 'node:vm';
import v8 from 'node:v8';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { connectClient, serveSample, waitFor, type TestClient } from './harness';
import { as, cofac, sampleNegotiation } from '../model/fixture';
import { Negotiation } from '../../shared/model/negotiation';
import { propose, withdraw } from '../../shared/model/proposal-commands';
import { setStatus } from '../../shared/model/facilitator-commands';
import { updateFrame } from '../../shared/protocol/messages';
import { openSocket } from '../../testing/open-socket';
import { startServer, type DataDir, type RunningServer, type ServerLimits } from '../../sync-server';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
/** The serving thread's live heap, after a full collection (the server runs in this process). */
const liveHeapMB = (): number => {
  gc();
  return v8.getHeapStatistics().used_heap_size / 2 ** 20;
};

/** `entries` notes, each its own item (about 49 bytes an entry), as the neighbour of scenario 9 pushes them. */
function notes(entries: number, tag: string): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (let i = 0; i < entries; i++) doc.getMap<string>('notes').set(`${tag}${i}`, `a note of some thirty characters ${i}`);
  });
  return Y.encodeStateAsUpdate(doc);
}

/*
 * A delegation's document that grows past `offThreadAboveBytes` is held on a thread of its own: its Y
 * structures are not in the serving thread's heap, the table's rules still read its facts exactly,
 * newcomers and returning clients get what they lack, and after a restart it is loaded there at once.
 */
describe('a large delegation document is held off the serving thread', () => {
  const limits: Partial<ServerLimits> = { offThreadAboveBytes: 512 * 1024 };
  const ENTRIES = 40_000;
  let dir: string;
  let data: DataDir;
  let server: RunningServer;
  let tokens: Record<'cofac' | 'mexico', string>;
  const clients: TestClient[] = [];
  const client = (doc: string, who: 'cofac' | 'mexico'): TestClient => {
    const c = connectClient(server.wsUrl, `sample/${doc}`, tokens[who]);
    clients.push(c);
    return c;
  };
  /** Mexico's copy of the negotiation (its document and the table), synced. */
  const mexico = async (): Promise<{ n: Negotiation; own: TestClient }> => {
    const own = client('delegation/mexico', 'mexico');
    const table = client('table', 'mexico');
    await Promise.all([own.synced, table.synced]);
    const n = new Negotiation('sample', table.doc);
    n.attach({ kind: 'delegation', delegationId: 'mexico' }, own.doc);
    return { n, own };
  };
  /** A co-facilitator's copy: the table, and Mexico's document (which it may only read). */
  const facilitator = async (): Promise<{ table: TestClient; reader: TestClient; n: Negotiation }> => {
    const table = client('table', 'cofac');
    const reader = client('delegation/mexico', 'cofac');
    await Promise.all([table.synced, reader.synced]);
    const n = new Negotiation('sample', table.doc);
    n.attach({ kind: 'delegation', delegationId: 'mexico' }, reader.doc);
    return { table, reader, n };
  };
  const storedStatus = async (id: string): Promise<string> => {
    const n = new Negotiation('sample');
    for (const row of await data.store.loadUpdates!('sample/table')) Y.applyUpdate(n.table.doc, row);
    return n.table.paragraph(id)!.status.state;
  };

  beforeAll(async () => {
    ({ dir, data, server, tokens } = await serveSample(sampleNegotiation().negotiation, limits));
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.close();
    await data.close();
  });

  it('does not grow the serving thread’s heap with the document', async () => {
    const big = notes(ENTRIES, 'a');
    const ws: WebSocket = await openSocket(`${server.wsUrl}/sample/delegation/mexico?token=${encodeURIComponent(tokens.mexico)}`);
    let echoed = 0;
    ws.on('message', (frame: Buffer) => (echoed += frame.length));
    const before = liveHeapMB();
    ws.send(updateFrame(big));
    // Echoed once durable: then the server has applied it.
    await waitFor(() => echoed >= big.length, 'the large update echoed', 60_000);
    const after = liveHeapMB();
    ws.close();
    // Applied on the serving thread, these entries took 20 MB of its heap (measured with the limit off).
    expect(after - before).toBeLessThan(6);
    await expect(server.core.editDocument('sample/delegation/mexico', (d) => d)).rejects.toThrow(/thread of its own/);
    const { own } = await mexico();
    await waitFor(() => own.doc.getMap('notes').size === ENTRIES, 'the whole document at Mexico', 60_000);
    for (const c of clients.splice(0)) c.destroy();
  }, 120_000);

  it('still enforces the table’s rules with its proposals, exactly as they change', async () => {
    const m = await mexico();
    propose(m.n, as('mexico'), { kind: 'delete-paragraph', paragraphId: 'p5' });
    const proposalId = m.n.delegation('mexico').proposals()[0]!.id;
    const f = await facilitator();
    await waitFor(() => f.n.delegation('mexico').proposals().length === 1, 'the proposal stored', 30_000);
    f.n.table.setStatus('p5', { state: 'agreed' }); // what the command would refuse
    await waitFor(() => f.table.denied.length > 0, 'permission-denied', 30_000);
    expect(f.table.denied[0]).toMatch(/open proposals \(mexico\//);
    expect(await storedStatus('p5')).toBe('open');

    // Withdrawn, the proposal no longer holds the paragraph open: the same change goes through.
    withdraw(m.n, as('mexico'), proposalId);
    await waitFor(() => f.n.delegation('mexico').proposals()[0]?.withdrawn === true, 'the withdrawal stored', 30_000);
    const g = await facilitator();
    setStatus(g.n, cofac, 'p5', { state: 'agreed' });
    await waitFor(() => g.n.table.paragraph('p5')!.status.state === 'agreed', 'agreed locally');
    await expect.poll(() => storedStatus('p5'), { timeout: 30_000 }).toBe('agreed');
    expect(g.table.denied).toEqual([]);
    // The co-facilitator's copy of Mexico's document replays what it holds: not a write, never refused.
    expect([...f.reader.denied, ...g.reader.denied]).toEqual([]);
  }, 120_000);

  it('serves it whole to a newcomer, what it lacks to a returning client, and holds it off the thread again after a restart', async () => {
    const m = await mexico();
    propose(m.n, as('mexico'), { kind: 'delete-paragraph', paragraphId: 'p3' });
    const newcomer = (await facilitator()).reader;
    const watcher = (await facilitator()).reader;
    await waitFor(() => newcomer.doc.getMap('notes').size === ENTRIES && newcomer.doc.getMap('proposals').size === 2, 'the whole document', 60_000);

    // Away, then back: it asks with its state vector and gets what was added meanwhile.
    newcomer.provider.disconnect();
    m.own.doc.getMap<string>('notes').set('while away', 'added');
    await waitFor(() => watcher.doc.getMap('notes').get('while away') === 'added', 'the note stored', 30_000);
    newcomer.provider.connect();
    await waitFor(() => newcomer.doc.getMap('notes').get('while away') === 'added', 'the note while away', 30_000);

    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    server = await startServer({ dataDir: dir, port: 0, logger: pino({ level: 'silent' }), limits });
    // Loaded from the store straight onto its thread: the rules know its open proposal on p3 before any change.
    const f = await facilitator();
    await expect(server.core.editDocument('sample/delegation/mexico', (d) => d)).rejects.toThrow(/thread of its own/);
    expect(f.reader.doc.getMap('notes').size).toBe(ENTRIES + 1);
    f.n.table.setStatus('p3', { state: 'agreed' });
    await waitFor(() => f.table.denied.length > 0, 'permission-denied', 30_000);
    expect(f.table.denied[0]).toMatch(/open proposals \(mexico\//);
    expect(await storedStatus('p3')).toBe('open');
  }, 180_000);
});
