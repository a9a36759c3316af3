import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, startTestServer, waitFor, type TestClient } from './harness';

describe('the stock y-websocket client', () => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t.server.close();
  });

  it('syncs the stored table document', async () => {
    const token = await t.invite('delegation', 'Mexico');
    const client = connectClient(t.server.wsUrl, `${t.negotiationId}/table`, token);
    clients.push(client);
    await client.synced;
    expect(client.doc.getMap('meta').get('title')).toBe('Political declaration on trafficking');
    expect(client.doc.getMap('roster').get('mexico')).toMatchObject({ name: 'Mexico' });
  });

  it('makes two clients converge, concurrent edits included', async () => {
    const token = await t.invite('delegation', 'Brazil');
    const name = `${t.negotiationId}/delegation/brazil`;
    const a = connectClient(t.server.wsUrl, name, token);
    const b = connectClient(t.server.wsUrl, name, token);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    a.doc.getText('notes').insert(0, 'Support OP5. ');
    b.doc.getText('notes').insert(0, 'Oppose PP3. ');
    b.doc.getMap('positions').set('op5', 'support');
    await waitFor(() => a.doc.getText('notes').length === 25 && b.doc.getText('notes').length === 25 && a.doc.getMap('positions').get('op5') === 'support', 'convergence');
    expect(a.doc.getText('notes').toString()).toBe(b.doc.getText('notes').toString());
  });

  it('stamps awareness with the authenticated delegation, whatever the client claims', async () => {
    const mexico = connectClient(t.server.wsUrl, `${t.negotiationId}/table`, await t.invite('delegation', 'Mexico'));
    const chile = connectClient(t.server.wsUrl, `${t.negotiationId}/table`, await t.invite('delegation', 'Chile'));
    clients.push(mexico, chile);
    await Promise.all([mexico.synced, chile.synced]);
    mexico.provider.awareness.setLocalState({ user: { name: 'Ana' }, penholder: { role: 'cofacilitator', delegationId: 'chile' } });
    await waitFor(() => chile.provider.awareness.getStates().get(mexico.doc.clientID)?.user?.name === 'Ana', 'presence');
    expect(chile.provider.awareness.getStates().get(mexico.doc.clientID)?.penholder).toEqual({ role: 'delegation', delegationId: 'mexico', delegationName: 'Mexico', name: 'Mexico' });
  });
});
