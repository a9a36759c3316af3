import net from 'node:net';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { updateFrame } from '../../shared/protocol/messages';
import { connectClient, startTestServer, waitFor, type TestClient } from './harness';
import { maskedFrame } from './hostile-raw-client';

/**
 * Opens a WebSocket by hand and, once the server has joined it to its document (its first frame came),
 * writes every frame in one write: they reach the server in one read.
 */
function burstOnceJoined(port: number, path: string, frames: Uint8Array[]): net.Socket {
  const burst = Buffer.concat(frames.map(maskedFrame));
  let seen = Buffer.alloc(0);
  let sent = false;
  const socket = net.connect(port, '127.0.0.1', () => {
    socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
  });
  socket.on('data', (chunk: Buffer) => {
    if (sent) return;
    seen = Buffer.concat([seen, chunk]);
    const headerEnd = seen.indexOf('\r\n\r\n');
    if (headerEnd >= 0 && seen.length > headerEnd + 4) {
      sent = true;
      socket.write(burst);
    }
  });
  socket.on('error', () => undefined);
  return socket;
}

describe('a burst of frames from one client', () => {
  const closers: (() => void)[] = [];
  afterAll(() => {
    for (const close of closers) close();
  });

  it('does not hold up another client\'s frame until the whole burst is handled', async () => {
    const t = await startTestServer();
    closers.push(() => void t.server.close());
    const mexico = await t.invite('delegation', 'Mexico');
    const chile = await t.invite('delegation', 'Chile');
    const doc = (d: string) => `${t.negotiationId}/delegation/${d}`;

    // The server's own copies of both documents (the test runs the server in this thread): the order in
    // which it applies what the two clients send is what is checked.
    const mexicoDoc = await t.server.core.editDocument(doc('mexico'), (d) => d);
    const chileDoc = await t.server.core.editDocument(doc('chile'), (d) => d);
    const bystander: TestClient = connectClient(t.server.wsUrl, doc('chile'), chile);
    closers.push(() => bystander.destroy());
    await bystander.synced;

    // 400 small updates, within the burst a connection is allowed (500).
    const burst = new Y.Doc();
    const frames: Uint8Array[] = [];
    burst.on('update', (u: Uint8Array) => frames.push(updateFrame(u)));
    for (let i = 0; i < 400; i++) burst.getMap('notes').set(`n${i}`, `a note of the burst, number ${i}`);

    let applied = 0;
    let appliedWhenBystanderLanded: number | null = null;
    mexicoDoc.on('update', () => {
      applied++;
      // As soon as the server starts on the burst, the bystander writes: its frame arrives while the
      // burst is being handled.
      if (applied === 1) bystander.doc.getMap('notes').set('chile', 'a note of the bystander');
    });
    chileDoc.on('update', () => {
      if (chileDoc.getMap('notes').has('chile') && appliedWhenBystanderLanded === null) appliedWhenBystanderLanded = applied;
    });

    const socket = burstOnceJoined(t.server.port, `/${doc('mexico')}?token=${encodeURIComponent(mexico)}`, frames);
    closers.push(() => socket.destroy());
    await waitFor(() => mexicoDoc.getMap('notes').size === 400 && appliedWhenBystanderLanded !== null, 'the burst and the bystander\'s note to be applied', 30_000);
    // Read in one go, the burst would have been handled whole before the bystander's frame (400).
    expect(appliedWhenBystanderLanded).toBeLessThan(400);
    expect(bystander.closes).toEqual([]);
  });
});
