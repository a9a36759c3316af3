import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, rawSocket, startWitnessedServer, type WitnessedServer } from './harness';
import { updateFrame } from '../../shared/protocol/messages';


describe('bad input', () => {
  let t: WitnessedServer;
  beforeAll(async () => {
    t = await startWitnessedServer({ maxFrameBytes: 64 * 1024, messagesPerSecond: 50, messageBurst: 100 });
  });
  afterAll(() => t.close());

  it('closes a connection that sends an oversized frame', async () => {
    const raw = await rawSocket(t.server.wsUrl, t.doc, t.token);
    raw.ws.send(new Uint8Array(100 * 1024));
    expect((await raw.closed).code).toBe(1009);
    await t.stillServing('after-oversized');
  });

  it.each([
    ['an unknown message type', new Uint8Array([42, 1, 2])],
    ['a truncated sync message', new Uint8Array([0, 2, 200])],
    ['a garbage update', updateFrame(new Uint8Array([1, 5, 7, 9, 255, 255, 3, 0, 4]))],
    ['a malformed awareness update', new Uint8Array([1, 3, 1, 2])],
  ])('closes a connection that sends %s, with a reason, and corrupts nothing', async (_what, frame) => {
    const raw = await rawSocket(t.server.wsUrl, t.doc, t.token);
    raw.ws.send(frame);
    const closed = await raw.closed;
    expect(closed.code).toBe(1008);
    expect(closed.reason).toMatch(/^malformed/);
    await t.stillServing(`after-${_what}`);
  });

  it('closes a text frame', async () => {
    const raw = await rawSocket(t.server.wsUrl, t.doc, t.token);
    raw.ws.send('hello');
    expect((await raw.closed).code).toBe(1008);
  });

  it('closes a flood and keeps serving others', async () => {
    const raw = await rawSocket(t.server.wsUrl, t.doc, t.token);
    const query = new Uint8Array([3]);
    for (let i = 0; i < 5000 && raw.ws.readyState === raw.ws.OPEN; i++) raw.ws.send(query);
    const closed = await raw.closed;
    expect(closed.code).toBe(1008);
    expect(closed.reason).toMatch(/messages per second/);
    await t.stillServing('after-flood');
  });

  it('never applied anything from the bad clients', async () => {
    const fresh = connectClient(t.server.wsUrl, t.doc, t.token);
    await fresh.synced;
    expect([...fresh.doc.share.keys()]).toEqual(['marks']);
    fresh.destroy();
  });
});
