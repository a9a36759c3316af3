import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awarenessFrame } from '../../shared/protocol/messages';
import { encodeRoomFrame } from '../../shared/protocol/room-frame';
import { forgedAwareness } from '../../testing/forged-awareness';
import { connectClient, rawSocket, startTestServer, waitFor, type TestClient } from './harness';

describe('presence floods', () => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  let token: string;
  let name: string;
  let reader: TestClient;
  beforeAll(async () => {
    t = await startTestServer({ maxAwarenessIdsPerConnection: 4, maxAwarenessStateBytes: 4096 });
    token = await t.invite('delegation', 'Mexico');
    name = `${t.negotiationId}/table`;
    reader = connectClient(t.server.wsUrl, name, token);
    await reader.synced;
  });
  afterAll(async () => {
    reader.destroy();
    await t.server.close();
  });

  const seen = (id: number) => reader.provider.awareness.getStates().get(id) as Record<string, unknown> | undefined;

  it('relays at most the connection\'s number of awareness ids, and a late joiner gets no more', async () => {
    const raw = await rawSocket(t.server.wsUrl, name, token);
    const ids = Array.from({ length: 20_000 }, (_, i) => 1_000_000 + i);
    raw.ws.send(awarenessFrame(forgedAwareness(ids.map((id) => [id, { cursor: id }]))));
    await waitFor(() => seen(ids[0]!) !== undefined, 'the first ids to be relayed');
    // Then a marker on an id it already holds: once it arrived, everything before it was handled.
    raw.ws.send(awarenessFrame(forgedAwareness([[ids[0]!, { marker: true }]], 2)));
    await waitFor(() => seen(ids[0]!)?.marker === true, 'the marker');
    expect(ids.filter((id) => seen(id) !== undefined)).toHaveLength(4);
    const late = connectClient(t.server.wsUrl, name, token);
    await late.synced;
    await waitFor(() => late.provider.awareness.getStates().has(ids[0]!), 'the late joiner to hear presence');
    expect(ids.filter((id) => late.provider.awareness.getStates().has(id))).toHaveLength(4);
    late.destroy();
    raw.ws.close();
  });

  it('does not relay a state over the size limit, and relays the same client\'s next small one', async () => {
    const raw = await rawSocket(t.server.wsUrl, name, token);
    const id = 2_000_000;
    raw.ws.send(awarenessFrame(forgedAwareness([[id, { note: 'x'.repeat(6 * 1024 * 1024) }]])));
    raw.ws.send(awarenessFrame(forgedAwareness([[id, { small: true }]], 2)));
    await waitFor(() => seen(id)?.small === true, 'the small state');
    expect(JSON.stringify(seen(id))).not.toContain('xxxx');
    expect(reader.closes).toEqual([]);
    raw.ws.close();
  });

  it('holds a room connection to the same limits, per document it carries', async () => {
    // A raw socket on the room URL (the negotiation), sending what the app never would.
    const raw = await rawSocket(t.server.wsUrl, t.negotiationId, token);
    const inRoom = (update: Uint8Array) => encodeRoomFrame([{ document: name, message: awarenessFrame(update) }]);
    const ids = Array.from({ length: 20_000 }, (_, i) => 5_000_000 + i);
    raw.ws.send(inRoom(forgedAwareness(ids.map((id) => [id, { cursor: id }]))));
    raw.ws.send(inRoom(forgedAwareness([[ids[0]!, { note: 'x'.repeat(6 * 1024 * 1024) }]], 2)));
    raw.ws.send(inRoom(forgedAwareness([[ids[0]!, { marker: true }]], 3)));
    await waitFor(() => seen(ids[0]!)?.marker === true, 'the room\'s marker');
    expect(ids.filter((id) => seen(id) !== undefined)).toHaveLength(4);
    expect(reader.closes).toEqual([]);
    raw.ws.close();
    await waitFor(() => seen(ids[0]!) === undefined, 'the room\'s presence to leave with it');
  });

  it('does not let one connection take over another\'s id', async () => {
    const owner = await rawSocket(t.server.wsUrl, name, token);
    const thief = await rawSocket(t.server.wsUrl, name, token);
    const id = 3_000_000;
    owner.ws.send(awarenessFrame(forgedAwareness([[id, { who: 'owner' }]])));
    await waitFor(() => seen(id)?.who === 'owner', 'the owner\'s state');
    thief.ws.send(awarenessFrame(forgedAwareness([[id, { who: 'thief' }]], 5)));
    thief.ws.send(awarenessFrame(forgedAwareness([[3_000_001, { who: 'thief marker' }]])));
    await waitFor(() => seen(3_000_001)?.who === 'thief marker', 'the thief\'s own id');
    expect(seen(id)?.who).toBe('owner');
    owner.ws.close();
    thief.ws.close();
  });
});
