import { afterAll, describe, expect, it } from 'vitest';
import { connectClient, startTestServer, waitFor, type TestClient } from './harness';

describe('500 clients on one document', () => {
  const clients: TestClient[] = [];
  let t: Awaited<ReturnType<typeof startTestServer>> | null = null;
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await t?.server.close();
  });

  it('all converge', { timeout: 60_000 }, async () => {
    process.setMaxListeners(0); // each stock provider listens to process 'exit'
    t = await startTestServer();
    const token = await t.invite('delegation', 'European Union');
    const name = `${t.negotiationId}/delegation/european-union`;
    for (let i = 0; i < 500; i++) clients.push(connectClient(t.server.wsUrl, name, token));
    await Promise.all(clients.map((c) => c.synced));
    clients.forEach((c, i) => c.doc.getMap<number>('members').set(`m${i}`, i));
    await waitFor(() => clients.every((c) => c.doc.getMap('members').size === 500), 'every client to hold 500 entries', 40_000);
    // Same content everywhere (key order follows each client's arrival order, so compare sorted).
    const content = (c: TestClient) => JSON.stringify([...c.doc.getMap('members').entries()].sort(([a], [b]) => a.localeCompare(b)));
    const reference = content(clients[0]!);
    expect(clients.every((c) => content(c) === reference)).toBe(true);
    expect(clients[0]!.doc.getMap('members').get('m499')).toBe(499);
    expect(clients.every((c) => c.closes.length === 0)).toBe(true);
  });
});
