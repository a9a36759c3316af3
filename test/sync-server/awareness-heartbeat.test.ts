import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawSocket, startTestServer, waitFor } from './harness';

const awareness = (clientId: number, clock: number, state: unknown): Uint8Array => {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
};
const awarenessFrames = (frames: Uint8Array[]) => frames.filter((f) => f[0] === 1).length;

describe('awareness', () => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.server.close());

  it('answers a heartbeat to its sender only, and refuses to let one client speak for another', async () => {
    const token = await t.invite('delegation', 'Mexico');
    const name = `${t.negotiationId}/table`;
    const a = await rawSocket(t.server.wsUrl, name, token);
    const b = await rawSocket(t.server.wsUrl, name, token);
    a.ws.send(awareness(1001, 1, { cursor: 5 }));
    const reached = (cursor: number) => b.frames.some((f) => f[0] === 1 && new TextDecoder().decode(f).includes(`"cursor":${cursor}`));
    // b may also be told of presence already in the room; wait for a's state itself.
    await waitFor(() => reached(5), 'the new state to reach b', 30_000);
    const [aBefore, bBefore] = [awarenessFrames(a.frames), awarenessFrames(b.frames)];
    a.ws.send(awareness(1001, 2, { cursor: 5 })); // a heartbeat: same state, newer clock
    await waitFor(() => awarenessFrames(a.frames) === aBefore + 1, 'the echo to a', 30_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(awarenessFrames(b.frames)).toBe(bBefore);
    // b tries to overwrite a's presence with its own client id claim: dropped.
    b.ws.send(awareness(1001, 9, { cursor: 99 }));
    a.ws.send(awareness(1001, 3, { cursor: 6 })); // a real change still reaches b
    await waitFor(() => reached(6), 'the change to reach b', 30_000);
    expect(awarenessFrames(b.frames)).toBe(bBefore + 1);
    const last = new TextDecoder().decode(b.frames.filter((f) => f[0] === 1).at(-1));
    expect(last).toContain('"cursor":6');
    expect(last).toContain('"delegationId":"mexico"');
    a.ws.close();
    b.ws.close();
  });
});
