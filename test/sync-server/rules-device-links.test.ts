import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, roomClient, startTestServer, waitFor, type TestClient } from './harness';

/*
 * Private stays private: once a delegation issued a device link (an invitation it issues itself), its
 * private document opens only to device links, never to one the co-facilitators minted (those open on it
 * when the first device link is issued are closed); and it sees
 * every invitation in its name, who issued it and when.
 */
describe('device links', () => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  const clients: TestClient[] = [];
  let cofac: string, mexico: string, firstLink: string;
  const api = async (path: string, token: string, method = 'GET', body?: unknown) => {
    const res = await fetch(`${t.server.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const client = (name: string, token: string) => {
    const c = connectClient(t.server.wsUrl, `${t.negotiationId}/${name}`, token);
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    t = await startTestServer();
    cofac = await t.invite('cofacilitator', null);
    mexico = await t.invite('delegation', 'Mexico');
  });

  it('before any device link, the invitation the co-facilitators minted opens the private document', async () => {
    expect((await api('/api/session', mexico)).body.privateAccess).toBe(true);
    const own = client('private/mexico', mexico);
    await own.synced;
    expect(own.closes).toEqual([]);
    own.destroy();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t.server.close();
  });

  it('a delegation issues device links; the invitation the co-facilitators minted claims only the first, and its connections to the private document close (4403)', async () => {
    // Open before the claim: a plain connection to the private document, and the app's one connection.
    const held = client('private/mexico', mexico);
    const room = roomClient(t.server.wsUrl, t.negotiationId, mexico);
    await held.synced;
    await waitFor(() => room.doc('private/mexico') !== undefined && room.provider.isSynced(`${t.negotiationId}/private/mexico`), 'the room to sync the private document');
    const first = await api('/api/device-links', mexico, 'POST', {});
    await waitFor(() => held.closes.length > 0 && room.closes.length > 0, 'the connections on the private document to close');
    for (const closed of [held.closes[0], room.closes[0]]) {
      expect(closed).toMatchObject({ code: 4403 });
      expect(closed!.reason).toMatch(/^Mexico issued a device link: its private document now opens only to device links/);
    }
    room.destroy();
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ role: 'delegation', delegation: { id: 'mexico', name: 'Mexico' }, issuedBy: 'mexico', revokedAt: null });
    expect(first.body.link).toMatch(/^penholder:\/\/join\?server=.*&token=ph_/);
    const again = await api('/api/device-links', mexico, 'POST', {});
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/already has a device link .* ask the co-facilitators to revoke it/);
    firstLink = first.body.token as string;
    const second = await api('/api/device-links', firstLink, 'POST', { expires: '2099-01-01T00:00:00Z' });
    expect(second.status).toBe(201);
    expect(Date.parse(second.body.expiresAt as string)).toBe(Date.parse('2099-01-01T00:00:00Z'));
    expect((await api('/api/device-links', cofac, 'POST', {})).status).toBe(403);
    expect((await api('/api/device-links', 'ph_nobody', 'POST', {})).status).toBe(401);
  });

  it('once the delegation issued a device link, its private document opens only to device links, never to an invitation the co-facilitators minted', async () => {
    const link = firstLink;
    expect((await api('/api/session', mexico)).body.privateAccess).toBe(false);
    expect((await api('/api/session', link)).body.privateAccess).toBe(true);
    const own = client('private/mexico', link);
    await own.synced;
    own.doc.getMap('drafts').set('d1', { note: 'fallback wording for OP7' });
    const minted = client('private/mexico', mexico);
    const cofacReads = client('private/mexico', cofac);
    await waitFor(() => minted.closes.length > 0 && cofacReads.closes.length > 0, 'refusals');
    expect(minted.closes[0]).toMatchObject({ code: 4403 });
    expect(minted.closes[0]!.reason).toMatch(/Mexico may not read .*private\/mexico/);
    expect(minted.doc.getMap('drafts').size).toBe(0);
    const colleague = client('private/mexico', link);
    await waitFor(() => colleague.doc.getMap('drafts').has('d1'), "a colleague's device reads the draft");
  });

  it('lists to the delegation every invitation in its name, who issued it and when', async () => {
    // The co-facilitators mint another invitation for Mexico: the delegation sees it.
    const extra = await t.invite('delegation', 'Mexico');
    const mine = await api('/api/invitations/mine', extra);
    expect(mine.status).toBe(200);
    const invitations = mine.body.invitations as { issuedBy: string | null; createdAt: string; delegation: { id: string } }[];
    expect(invitations.map((i) => i.issuedBy)).toEqual([null, 'mexico', 'mexico', null]);
    expect(invitations.every((i) => i.delegation.id === 'mexico' && !Number.isNaN(Date.parse(i.createdAt)))).toBe(true);
    expect(JSON.stringify(mine.body)).not.toMatch(/ph_/);
    expect((await api('/api/invitations/mine', cofac)).status).toBe(403);
  });
});
