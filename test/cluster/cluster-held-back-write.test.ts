import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { waitFor } from './cluster-harness';
import { skipCluster } from './services';
import { useCluster } from './use-cluster';

/** A y-websocket update message, as a client sends one. */
function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** A raw socket that has been let in (the server's first frame arrived). */
async function rawClient(wsUrl: string, name: string, token: string): Promise<WebSocket> {
  const ws = new WebSocket(`${wsUrl}/${name}?token=${encodeURIComponent(token)}`);
  await new Promise<void>((resolve, reject) => {
    ws.once('message', () => resolve());
    ws.once('error', reject);
    ws.once('close', (code) => reject(new Error(`closed with ${code}`)));
  });
  return ws;
}

/*
 * A client's write that a node holds back, because it follows one the node has not seen yet, may be let in
 * by another node's update (the one it was waiting for, published meanwhile). It is this node's client's
 * write, never stored by anyone else: it must be stored here before anyone is told of it.
 */
describe.skipIf(skipCluster)('a held-back write let in by another node’s update', () => {
  const cluster = useCluster();
  const sockets: WebSocket[] = [];
  afterAll(() => sockets.forEach((s) => s.close()));

  it('is stored by the node that held it back', { timeout: 60_000 }, async () => {
    const nodes = [await cluster.node(), await cluster.node()];
    const { seeded } = cluster;
    const { token } = await seeded.invite('delegation', 'Peru');
    const name = `${seeded.negotiationId}/delegation/peru`;
    // One client's two writes in a row; the second follows the first.
    const author = new Y.Doc();
    const updates: Uint8Array[] = [];
    author.on('update', (u: Uint8Array) => updates.push(u));
    author.getArray<string>('log').push(['first, through node 1']);
    author.getArray<string>('log').push(['second, through node 2']);
    const [toNode1, toNode2] = [await rawClient(nodes[0]!.wsUrl, name, token), await rawClient(nodes[1]!.wsUrl, name, token)];
    sockets.push(toNode1, toNode2);
    // Node 2 gets the second first: it holds it back, waiting for the first.
    toNode2.send(updateMessage(updates[1]!));
    toNode1.send(updateMessage(updates[0]!));
    const stored = async () => {
      const doc = new Y.Doc();
      const row = await seeded.data.store.load(name);
      if (row) Y.applyUpdate(doc, row);
      return doc.getArray<string>('log').toArray();
    };
    await waitFor(async () => (await stored()).length === 2, 'both writes stored', 30_000);
    expect(await stored()).toEqual(['first, through node 1', 'second, through node 2']);
  });
});
