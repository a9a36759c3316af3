import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStamp } from '../../shared/protocol/awareness-stamp';
import { CloseCode } from '../../shared/protocol/close-codes';
import { syncStep1Frame } from '../../shared/protocol/messages';
import { decodeRoomFrame, encodeRoomFrame, roomPath } from '../../shared/protocol/room-frame';
import { connectClient, roomClient, startTestServer, waitFor } from './harness';

describe('the multiplexed protocol: one connection per participant', () => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  const cleanup: (() => void)[] = [];
  const room = (token: string) => {
    const c = roomClient(t.server.wsUrl, t.negotiationId, token);
    cleanup.push(() => c.destroy());
    return c;
  };
  let cofac: string, mexico: string, chile: string;
  const delegations = Array.from({ length: 30 }, (_, i) => `Delegation ${i + 1}`);
  beforeAll(async () => {
    t = await startTestServer();
    cofac = await t.invite('cofacilitator', null);
    mexico = await t.invite('delegation', 'Mexico');
    chile = await t.invite('delegation', 'Chile');
    for (const d of delegations) await t.invite('delegation', d);
  });
  afterAll(async () => {
    for (const c of cleanup) c();
    await t.server.close();
  });

  it('subscribes a co-facilitator to the table and every delegation, and pushes a delegation\'s write at once', async () => {
    const facilitator = room(cofac);
    const writer = room(mexico);
    await waitFor(() => facilitator.docs.size === 1 + 2 + delegations.length && writer.doc('delegation/mexico') !== undefined, 'every document to be pushed');
    await waitFor(() => writer.provider.isSynced(`${t.negotiationId}/delegation/mexico`), 'the delegation to sync');
    writer.doc('delegation/mexico')!.getMap('proposals').set('p1', 'insert "and girls"');
    await waitFor(() => facilitator.doc('delegation/mexico')?.getMap('proposals').get('p1') === 'insert "and girls"', "the co-facilitator to receive Mexico's proposal");
    // A delegation reads its own private document and no other.
    expect(writer.doc('private/mexico')).toBeDefined();
    expect(writer.doc('private/chile')).toBeUndefined();
    expect(facilitator.closes).toEqual([]);
  });

  it('answers the first sync of every document in a few frames, not one round trip each', async () => {
    const ws = new WebSocket(`${t.server.wsUrl}${roomPath(t.negotiationId)}?token=${encodeURIComponent(cofac)}`);
    const frames: Uint8Array[] = [];
    ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
    await new Promise((resolve) => ws.once('open', resolve));
    const names = [`${t.negotiationId}/table`, ...['mexico', 'chile', ...delegations.map((_, i) => `delegation-${i + 1}`)].map((d) => `${t.negotiationId}/delegation/${d}`)];
    ws.send(encodeRoomFrame(names.map((document) => ({ document, message: syncStep1Frame(Y.encodeStateVector(new Y.Doc())) }))));
    const entries = () => frames.flatMap((f) => decodeRoomFrame(f));
    // Each document: the server's sync step 1 and its answer (step 2) to ours.
    await waitFor(() => names.every((n) => entries().filter((e) => e.document === n).length >= 2), 'both sync messages for every document');
    expect(frames.length).toBeLessThanOrEqual(4);
    ws.close();
  });

  it('refuses a write to the table and a read of another private document, and keeps serving', async () => {
    const c = room(chile);
    await waitFor(() => c.provider.isSynced(`${t.negotiationId}/table`), 'the table to sync');
    c.doc('table')!.getMap('meta').set('title', 'Hijacked');
    c.add(`${t.negotiationId}/private/mexico`);
    await waitFor(() => c.denied.length >= 2, 'two refusals');
    expect(c.denied.map((d) => d.document).sort()).toEqual([`${t.negotiationId}/private/mexico`, `${t.negotiationId}/table`]);
    expect(c.denied.find((d) => d.document.endsWith('/table'))!.reason).toMatch(/Chile may read .*\/table but not change it/);
    const witness = connectClient(t.server.wsUrl, `${t.negotiationId}/table`, cofac);
    cleanup.push(() => witness.destroy());
    await witness.synced;
    expect(witness.doc.getMap('meta').get('title')).toBe('Political declaration on trafficking');
    witness.doc.getMap('meta').set('symbol', 'A/80/L.7');
    await waitFor(() => c.doc('table')!.getMap('meta').get('symbol') === 'A/80/L.7', 'read service after the refusals');
    expect(c.closes).toEqual([]);
  });

  it('subscribes everyone to a delegation added to the roster mid-session', async () => {
    const facilitator = room(cofac);
    await waitFor(() => facilitator.provider.isSynced(`${t.negotiationId}/table`), 'the table to sync');
    // Through the running server's admin API, as a co-facilitator adds a delegation during the session.
    const response = await fetch(`${t.server.url}/api/negotiations/${t.negotiationId}/invitations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cofac}`, 'content-type': 'application/json' },
      body: JSON.stringify({ delegation: 'Ireland', role: 'delegation' }),
    });
    expect(response.status).toBe(201);
    const newcomer = ((await response.json()) as { token: string }).token;
    await waitFor(() => facilitator.doc('delegation/ireland') !== undefined, 'the new delegation document to reach the open connection');
    const ireland = room(newcomer);
    await waitFor(() => ireland.provider.isSynced(`${t.negotiationId}/delegation/ireland`), "Ireland's document to sync");
    ireland.doc('delegation/ireland')!.getMap('proposals').set('p1', 'delete');
    await waitFor(() => facilitator.doc('delegation/ireland')!.getMap('proposals').get('p1') === 'delete', "Ireland's proposal to reach the co-facilitator");
  });

  it('keeps presence while the connection is open and drops it when it closes', async () => {
    const watcher = room(cofac);
    const other = room(chile);
    other.awareness.setLocalStateField('focus', 'op1');
    await waitFor(() => [...watcher.awareness.getStates().values()].some((s) => readStamp(s)?.delegationName === 'Chile'), "Chile's presence");
    other.destroy();
    await waitFor(() => ![...watcher.awareness.getStates().values()].some((s) => readStamp(s)?.delegationName === 'Chile'), "Chile's presence to leave");
  });

  it('tells two co-facilitators apart by name, without putting them on the roster or giving them a delegation\'s rights', async () => {
    const [portugal, namibia] = await Promise.all([t.invite('cofacilitator', 'Portugal'), t.invite('cofacilitator', 'Namibia')]);
    const a = room(portugal);
    const b = room(namibia);
    a.awareness.setLocalStateField('focus', 'op1');
    b.awareness.setLocalStateField('focus', 'op2');
    const names = (c: typeof a) => [...c.awareness.getStates().values()].map((s) => readStamp(s)).filter((s) => s?.role === 'cofacilitator').map((s) => s!.name);
    await waitFor(() => names(a).includes('Namibia') && names(b).includes('Portugal'), 'each co-facilitator to see the other by name');
    await waitFor(() => a.provider.isSynced(`${t.negotiationId}/table`), 'the table to sync');
    expect(a.doc('delegation/portugal')).toBeUndefined();
    a.add(`${t.negotiationId}/private/portugal`);
    await waitFor(() => a.denied.some((d) => d.document.endsWith('/private/portugal')), 'the refusal to read a private document');
  });

  it('closes the one connection when its invitation is revoked', async () => {
    const token = await t.invite('delegation', 'Peru');
    const c = room(token);
    await waitFor(() => c.provider.isSynced(`${t.negotiationId}/table`), 'the table to sync');
    t.data.invitations.revoke({ token });
    await waitFor(() => c.closes.length > 0, 'the revoked connection to close', 15_000);
    expect(c.closes[0]!.code).toBe(CloseCode.forbidden);
    expect(c.provider.shouldConnect).toBe(false);
  });
});
